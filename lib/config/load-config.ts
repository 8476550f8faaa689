/**
 * Loading a cloud-compose.yml: find it, read it as YAML 1.1 (as the original's
 * PyYAML did), substitute variables, validate, and either return the config
 * or throw one ConfigError listing every problem with its line and column.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Document, LineCounter, parseDocument } from 'yaml';
import { ConfigError, ConfigProblem } from './errors';
import { configBaseDir, findConfigFile, resolveSearchPath } from './find-config-file';
import { interpolateDocument } from './interpolate-document';
import { LoadedConfig } from './loaded-config';
import { nodeRules } from './node-rules';
import { isRawMap } from './raw-data';
import { RawProblem } from './raw-problem';
import { settingRules } from './setting-rules';
import { readDotenvBeside } from './read-dotenv';
import { ClusterConfig, cloudComposeFileSchema } from './schema';
import { typoHints } from './typo-hints';
import { volumeRules } from './volume-rules';
import { formatKeyPath, KeyPath, locate } from './yaml-positions';
import { problemsFromZodIssues } from './zod-issues';
import { pyyamlScalarTags } from './pyyaml-scalars';
import { yamlStructureProblems } from './yaml-structure';

export interface LoadConfigOptions {
  /** Path of cloud-compose.yml (or of a folder to discover it in), relative to `cwd`. @default discovered from `cwd`: `cloud-compose/cloud-compose.yml`, `.yaml`, then `cloud-compose.yml`, `.yaml` */
  readonly file?: string;
  /** Folder to discover the file from and to resolve `file` against. @default process.cwd() */
  readonly cwd?: string;
  /** Variables for `${VAR}` substitution; they win over the `.env` file beside the config. @default process.env */
  readonly env?: Record<string, string | undefined>;
}

/**
 * Finds, reads and validates a cloud-compose.yml.
 * @throws ConfigError listing every problem (warnings included) when the file is missing or invalid
 */
export function loadConfig(options: LoadConfigOptions = {}): LoadedConfig {
  const file = findConfigFile(options.cwd ?? process.cwd(), options.file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file, path: '', message: `cannot read the file: ${(error as Error).message}`, severity: 'error' }]);
  }
  return loadConfigText(text, { file, env: options.env });
}

export interface LoadConfigTextOptions {
  /** Where the text came from: names it in problems, locates `.env` and the search path. */
  readonly file: string;
  /** Variables for `${VAR}` substitution; they win over the `.env` file beside `file`. @default process.env */
  readonly env?: Record<string, string | undefined>;
}

/**
 * Validates cloud-compose.yml text that was already read.
 * @throws ConfigError listing every problem (warnings included) when it is invalid
 */
export function loadConfigText(text: string, options: LoadConfigTextOptions): LoadedConfig {
  const file = path.resolve(options.file);
  const { doc, lineCounter, problems, unsubstituted } = readYaml(text, file, options.env);
  const position = (keyPath: KeyPath, target?: 'value' | 'key') => locate(doc, lineCounter, keyPath, target) ?? {};

  let fileData: unknown;
  try {
    fileData = doc.toJS();
  } catch (error) {
    throw new ConfigError(sortProblems([...problems, { file, path: '', message: `cannot read the YAML: ${(error as Error).message}`, severity: 'error' }]));
  }
  if (!isRawMap(fileData)) {
    const found = fileData === null || fileData === undefined ? 'an empty document' : Array.isArray(fileData) ? 'a list' : 'a single value';
    throw new ConfigError([...problems, { file, ...position([]), path: '', message: `expected a map with a cluster: key (one key per cloud-compose plugin), found ${found}`, severity: 'error' }]);
  }

  const parsed = cloudComposeFileSchema.safeParse(fileData, { reportInput: true });
  const cluster = isRawMap(fileData.cluster) ? fileData.cluster : undefined;
  const rules: RawProblem[] = [
    ...(parsed.success ? [] : problemsFromZodIssues(parsed.error.issues, fileData)),
    ...(cluster ? [...nodeRules(cluster), ...volumeRules(cluster), ...settingRules(cluster)] : []),
    ...typoHints(fileData),
  ];
  // A value whose variable could not be substituted was reported once already.
  for (const problem of rules) {
    const where = formatKeyPath(problem.path);
    if (unsubstituted.some((prefix) => where === prefix || where.startsWith(`${prefix}.`) || where.startsWith(`${prefix}[`))) continue;
    problems.push({ file, ...position(problem.path, problem.target), path: where, message: problem.message, severity: problem.severity });
  }

  const baseDir = configBaseDir(file);
  if (parsed.success) {
    problems.push(...missingSearchPathFolders(baseDir, parsed.data.cluster.search_path).map((problem) => ({ file, ...position(problem.path), path: formatKeyPath(problem.path), message: problem.message, severity: problem.severity })));
  }
  const sorted = sortProblems(problems);
  if (!parsed.success || sorted.some((problem) => problem.severity === 'error')) throw new ConfigError(sorted);
  return {
    file,
    baseDir,
    searchPath: resolveSearchPath(baseDir, parsed.data.cluster.search_path),
    cluster: parsed.data.cluster as ClusterConfig,
    clusterData: cluster as Record<string, unknown>,
    fileData,
    warnings: sorted,
  };
}

/**
 * Parses the text as YAML 1.1 with PyYAML's typing and substitutes variables.
 * Syntax errors end loading here; variable problems are returned (with the
 * key path of their value) so the rest can still be checked.
 */
function readYaml(text: string, file: string, env: Record<string, string | undefined> | undefined): { doc: Document; lineCounter: LineCounter; problems: ConfigProblem[]; unsubstituted: string[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', customTags: pyyamlScalarTags, lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number) => toPosition(lineCounter, offset);
  const problems: ConfigProblem[] = [
    ...doc.errors.map((error) => ({ file, ...at(error.pos[0]), path: '', message: yamlMessage(error.message), severity: 'error' as const })),
    ...doc.warnings.map((warning) => ({ file, ...at(warning.pos[0]), path: '', message: yamlMessage(warning.message), severity: 'warning' as const })),
  ];
  if (doc.errors.length > 0) throw new ConfigError(sortProblems(problems));
  const structure = yamlStructureProblems(doc, (offset) => lineCounter.linePos(offset).line);
  problems.push(...structure.map((problem) => ({ file, ...at(problem.offset), path: formatKeyPath(problem.path), message: problem.message, severity: problem.severity })));
  // A recursive structure cannot be turned into data to check.
  if (structure.some((problem) => problem.severity === 'error')) throw new ConfigError(sortProblems(problems));
  const unsubstituted: string[] = [];
  for (const issue of interpolateDocument(doc, text, variableLookup(file, env))) {
    problems.push({ file, ...at(issue.offset), path: formatKeyPath(issue.path), message: issue.message, severity: 'error' });
    unsubstituted.push(formatKeyPath(issue.path));
  }
  return { doc, lineCounter, problems, unsubstituted };
}

/** Warnings for `search_path` entries that are not folders: nothing can be found there. */
function missingSearchPathFolders(baseDir: string, entries: readonly string[]): RawProblem[] {
  return entries.flatMap((entry, index) => {
    const folder = path.resolve(baseDir, entry);
    if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) return [];
    return [{ path: ['cluster', 'search_path', index], severity: 'warning' as const, message: `folder ${folder} does not exist (search_path entries are relative to ${baseDir})` }];
  });
}

/** The process (or given) environment over the `.env` beside the config. */
function variableLookup(file: string, env: Record<string, string | undefined> | undefined): (name: string) => string | undefined {
  const given = env ?? process.env;
  const dotenv = readDotenvBeside(file);
  return (name) => (given[name] !== undefined ? given[name] : Object.prototype.hasOwnProperty.call(dotenv, name) ? dotenv[name] : undefined);
}

function toPosition(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** The yaml library's message without its own "at line..." suffix (the position is given separately). */
function yamlMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:?[\s\S]*$/, '').trim();
}

function sortProblems(problems: ConfigProblem[]): ConfigProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
