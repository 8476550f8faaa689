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
import { readDotenvBeside } from './read-dotenv';
import { ClusterConfig, cloudComposeFileSchema } from './schema';
import { typoHints } from './typo-hints';
import { volumeRules } from './volume-rules';
import { formatKeyPath, KeyPath, locate } from './yaml-positions';
import { problemsFromZodIssues } from './zod-issues';
import { pyyamlScalarTags } from './pyyaml-scalars';

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
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { version: '1.1', customTags: pyyamlScalarTags, lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number | undefined) => (offset === undefined ? {} : toPosition(lineCounter, offset));

  const syntax: ConfigProblem[] = [
    ...doc.errors.map((error) => ({ file, ...at(error.pos[0]), path: '', message: yamlMessage(error.message), severity: 'error' as const })),
    ...doc.warnings.map((warning) => ({ file, ...at(warning.pos[0]), path: '', message: yamlMessage(warning.message), severity: 'warning' as const })),
  ];
  if (doc.errors.length > 0) throw new ConfigError(sortProblems(syntax));

  const variables = variableLookup(file, options.env);
  const interpolation = interpolateDocument(doc, text, variables);
  const problems: ConfigProblem[] = [
    ...syntax,
    ...interpolation.map((issue) => ({ file, ...at(issue.offset), path: formatKeyPath(issue.path), message: issue.message, severity: 'error' as const })),
  ];

  let fileData: unknown;
  try {
    fileData = doc.toJS();
  } catch (error) {
    throw new ConfigError(sortProblems([...problems, { file, path: '', message: `cannot read the YAML: ${(error as Error).message}`, severity: 'error' }]));
  }
  if (!isRawMap(fileData)) {
    throw new ConfigError([...problems, { file, ...at(doc.contents?.range?.[0]), path: '', message: 'expected a map with a cluster: key (one key per cloud-compose plugin), found ' + (fileData === null || fileData === undefined ? 'an empty document' : Array.isArray(fileData) ? 'a list' : 'a single value'), severity: 'error' }]);
  }

  const parsed = cloudComposeFileSchema.safeParse(fileData, { reportInput: true });
  const cluster = isRawMap(fileData.cluster) ? fileData.cluster : undefined;
  const raw: RawProblem[] = [
    ...(parsed.success ? [] : problemsFromZodIssues(parsed.error.issues, fileData)),
    ...(cluster ? [...nodeRules(cluster), ...volumeRules(cluster)] : []),
    ...typoHints(fileData),
  ];
  // A value whose variable could not be substituted was reported once already.
  const unsubstituted = interpolation.map((issue) => formatKeyPath(issue.path));
  for (const problem of raw) {
    const where = formatKeyPath(problem.path);
    if (unsubstituted.some((prefix) => where === prefix || where.startsWith(`${prefix}.`) || where.startsWith(`${prefix}[`))) continue;
    problems.push({ file, ...locateProblem(doc, lineCounter, problem.path, problem.target), path: where, message: problem.message, severity: problem.severity });
  }

  const baseDir = configBaseDir(file);
  const searchPath = parsed.success ? resolveSearchPath(baseDir, parsed.data.cluster.search_path) : [baseDir];
  if (parsed.success) {
    parsed.data.cluster.search_path.forEach((entry, index) => {
      const folder = path.resolve(baseDir, entry);
      if (!fs.existsSync(folder)) {
        problems.push({ file, ...locateProblem(doc, lineCounter, ['cluster', 'search_path', index]), path: `cluster.search_path[${index}]`, message: `folder ${folder} does not exist (search_path entries are relative to ${baseDir})`, severity: 'warning' });
      }
    });
  }

  const sorted = sortProblems(problems);
  if (!parsed.success || sorted.some((problem) => problem.severity === 'error')) throw new ConfigError(sorted);
  return {
    file,
    baseDir,
    searchPath,
    cluster: parsed.data.cluster as ClusterConfig,
    clusterData: cluster as Record<string, unknown>,
    fileData,
    warnings: sorted,
  };
}

/** The process (or given) environment over the `.env` beside the config. */
function variableLookup(file: string, env: Record<string, string | undefined> | undefined): (name: string) => string | undefined {
  const given = env ?? process.env;
  const dotenv = readDotenvBeside(file);
  return (name) => (given[name] !== undefined ? given[name] : Object.prototype.hasOwnProperty.call(dotenv, name) ? dotenv[name] : undefined);
}

function locateProblem(doc: Document, lineCounter: LineCounter, keyPath: KeyPath, target?: 'value' | 'key'): { line?: number; column?: number } {
  return locate(doc, lineCounter, keyPath, target) ?? {};
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
