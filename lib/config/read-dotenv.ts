/**
 * The `.env` file beside cloud-compose.yml, as Docker Compose reads one:
 * `NAME=value` lines, `#` comments, optional quotes.
 *
 * Parsed with Node's own dotenv parser (`util.parseEnv`, Node >= 20.12): the
 * same grammar as the `dotenv` package without adding a dependency. Unlike
 * Compose, values in `.env` are not themselves interpolated.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseEnv } from 'util';

/** Name of the variables file looked for beside the config. */
export const DOTENV_FILE_NAME = '.env';

/** The variables of the `.env` beside `configFile`; empty when there is none. */
export function readDotenvBeside(configFile: string): Record<string, string> {
  const file = path.join(path.dirname(configFile), DOTENV_FILE_NAME);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return {};
  return parseDotenv(fs.readFileSync(file, 'utf8'));
}

/** Parses dotenv text into a name -> value map. */
export function parseDotenv(text: string): Record<string, string> {
  return { ...(parseEnv(text) as Record<string, string>) };
}
