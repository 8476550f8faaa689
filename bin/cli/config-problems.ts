/**
 * How the CLI prints config problems: `file:line:column: key.path: message`,
 * the file relative to the current folder, and for an invalid config a count.
 */
import * as path from 'path';
import { ConfigError, ConfigProblem, formatProblem } from '../../lib/config';
import { CliContext } from './command';

/** One line per problem (errors and warnings) on stderr. */
export function printProblems(problems: readonly ConfigProblem[], context: CliContext): void {
  for (const problem of problems) {
    context.stderr(`${formatProblem({ ...problem, file: displayPath(problem.file, context.cwd) })}\n`);
  }
}

/** Every problem of an invalid config, then `2 errors, 1 warning`. */
export function printConfigError(error: ConfigError, context: CliContext): void {
  printProblems(error.problems, context);
  const errors = error.problems.filter((problem) => problem.severity === 'error').length;
  const warnings = error.problems.length - errors;
  context.stderr(`${plural(errors, 'error')}${warnings ? `, ${plural(warnings, 'warning')}` : ''}\n`);
}

/** `1 node`, `3 nodes`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Relative to the current folder when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
