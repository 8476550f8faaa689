/** Helpers for config tests: load YAML text from a throw-away folder and collect the problems. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigError, ConfigProblem, LoadedConfig, loadConfig } from '../../lib/config';

/** A fresh temporary folder with `files` (relative path -> content) written into it. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-config-'));
  for (const [name, content] of Object.entries(files)) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

export type LoadOutcome = { config: LoadedConfig; problems: readonly ConfigProblem[] } | { config: undefined; problems: readonly ConfigProblem[] };

/** Loads `yaml` as cloud-compose.yml (with an optional .env beside it); returns the config or the problems. */
export function load(yaml: string, options: { env?: Record<string, string | undefined>; dotenv?: string } = {}): LoadOutcome {
  const dir = tempDir({ 'cloud-compose.yml': yaml, ...(options.dotenv === undefined ? {} : { '.env': options.dotenv }) });
  try {
    const config = loadConfig({ cwd: dir, env: options.env ?? {} });
    return { config, problems: config.warnings };
  } catch (error) {
    if (error instanceof ConfigError) return { config: undefined, problems: error.problems };
    throw error;
  }
}

export function errorsOf(outcome: LoadOutcome): ConfigProblem[] {
  return outcome.problems.filter((problem) => problem.severity === 'error');
}

export function warningsOf(outcome: LoadOutcome): ConfigProblem[] {
  return outcome.problems.filter((problem) => problem.severity === 'warning');
}

/** The 1-based line of the first line of `text` containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) throw new Error(`"${needle}" is not in the text`);
  return index + 1;
}

/**
 * A valid config to derive cases from: `aws` lines are indented under `aws:`.
 * `awsExtra` is inserted as written (4-space indent for aws keys).
 */
export function config(awsExtra = '', options: { nodes?: string; volumes?: string; top?: string } = {}): string {
  const nodes =
    options.nodes ??
    ['    nodes:', '      - id: 0', '        ip: 10.0.1.10', '        subnet: subnet-a', '      - id: 1', '        ip: 10.0.2.10', '        subnet: subnet-b'].join('\n');
  const volumes = options.volumes ?? ['    volumes:', '      - name: root', '        size: 30G'].join('\n');
  return [
    'cluster:',
    '  name: test-cluster',
    '  search_path:',
    '    - .',
    ...(options.top ? [options.top] : []),
    '  aws:',
    '    ami: ami-0123456789abcdef0',
    '    instance_type: t3.small',
    ...(awsExtra ? [awsExtra] : []),
    volumes,
    nodes,
    '',
  ].join('\n');
}
