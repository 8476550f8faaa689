// PLACEHOLDER minimal loader: the foundation issue replaces it with the full
// implementation (discovery, positions, interpolation, .env, all rules).
import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { ConfigError } from './errors';
import { LoadedConfig } from './loaded-config';
import { cloudComposeFileSchema } from './schema';

export interface LoadConfigOptions {
  /** Path of cloud-compose.yml. @default discovered from `cwd` */
  readonly file?: string;
  /** Folder to discover the file from. @default process.cwd() */
  readonly cwd?: string;
  /** Variables for `${VAR}` substitution. @default process.env */
  readonly env?: Record<string, string | undefined>;
}

export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const cwd = options.cwd ?? process.cwd();
  const file = path.resolve(cwd, options.file ?? 'cloud-compose.yml');
  const env = options.env ?? process.env;
  const text = fs.readFileSync(file, 'utf8').replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_m, name, def) => env[name] ?? def ?? '');
  const fileData = parseDocument(text, { version: '1.1' }).toJS() as Record<string, unknown>;
  const parsed = cloudComposeFileSchema.safeParse(fileData);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => ({ file, path: issue.path.join('.'), message: issue.message, severity: 'error' as const })));
  }
  const dir = path.dirname(file);
  const baseDir = path.basename(dir) === 'cloud-compose' ? path.dirname(dir) : dir;
  const searchPath = [...new Set([baseDir, ...parsed.data.cluster.search_path.map((entry) => path.resolve(baseDir, entry))])];
  return { file, baseDir, searchPath, cluster: parsed.data.cluster, clusterData: fileData.cluster as Record<string, unknown>, fileData, warnings: [] };
}
