/**
 * Problems found in a cloud-compose.yml and the one error that carries them.
 */

/** One problem (or warning) in a config file, located as precisely as the YAML allows. */
export interface ConfigProblem {
  /** Absolute or cwd-relative path of the file. */
  readonly file: string;
  /** 1-based line. @default undefined: not known (e.g. the file cannot be read) */
  readonly line?: number;
  /** 1-based column. @default undefined: not known */
  readonly column?: number;
  /** Key path such as `cluster.aws.nodes[1].ip`. */
  readonly path: string;
  /** What is wrong, including what was found and what would be valid. */
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** `file:line:column: path: message` */
export function formatProblem(problem: ConfigProblem): string {
  const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
  const label = problem.severity === 'warning' ? 'warning: ' : '';
  return `${where}: ${label}${problem.path ? `${problem.path}: ` : ''}${problem.message}`;
}

/**
 * Thrown for any invalid config: carries every problem found, never just the first.
 */
export class ConfigError extends Error {
  public readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const count = problems.length;
    super(`${count} problem${count === 1 ? '' : 's'} in cloud-compose config:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}
