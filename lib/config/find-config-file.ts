/**
 * Where cloud-compose.yml is, and the folder the original tool ran from.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError } from './errors';

/** Looked for in this order, as the original did: `./cloud-compose/` before `./`, `.yml` before `.yaml`. */
export const CONFIG_FILE_CANDIDATES = [
  path.join('cloud-compose', 'cloud-compose.yml'),
  path.join('cloud-compose', 'cloud-compose.yaml'),
  'cloud-compose.yml',
  'cloud-compose.yaml',
] as const;

/**
 * The absolute path of the config: `file` (resolved against `cwd`; a folder is
 * searched like `cwd`) or the first candidate found in `cwd`.
 * @throws ConfigError when there is none
 */
export function findConfigFile(cwd: string, file?: string): string {
  if (file !== undefined) {
    const explicit = path.resolve(cwd, file);
    if (!fs.existsSync(explicit)) {
      throw new ConfigError([{ file: explicit, path: '', message: 'config file not found', severity: 'error' }]);
    }
    if (!fs.statSync(explicit).isDirectory()) return explicit;
    return findConfigFile(explicit);
  }
  for (const candidate of CONFIG_FILE_CANDIDATES) {
    const full = path.resolve(cwd, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return full;
  }
  throw new ConfigError([
    {
      file: path.resolve(cwd),
      path: '',
      message: `no cloud-compose config here; looked for ${CONFIG_FILE_CANDIDATES.join(', ')}. Pass the file explicitly (--config FILE)`,
      severity: 'error',
    },
  ]);
}

/**
 * The folder the original tool ran from, which `search_path` entries are
 * relative to: the folder holding the file, or its parent when that folder is
 * `cloud-compose/`.
 */
export function configBaseDir(configFile: string): string {
  const dir = path.dirname(path.resolve(configFile));
  return path.basename(dir) === 'cloud-compose' ? path.dirname(dir) : dir;
}

/** `baseDir` (`.`, always first) then each `search_path` entry resolved against it, without duplicates. */
export function resolveSearchPath(baseDir: string, entries: readonly string[]): string[] {
  return [...new Set([baseDir, ...entries.map((entry) => path.resolve(baseDir, entry))])];
}
