/**
 * `compose-cluster validate [--config FILE]`: loads and checks a
 * cloud-compose.yml, prints a one-line summary (exit 0) or every problem (exit 1).
 */
import * as path from 'path';
import { ConfigError, ConfigProblem, formatProblem, LoadedConfig, loadConfig } from '../../lib/config';
import { CliCommand, CliContext, EXIT } from './command';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check a cloud-compose.yml and report every problem with its line',
  help: [
    'Usage: compose-cluster validate [--config FILE]',
    '',
    'Loads cloud-compose.yml, substitutes ${VAR} variables (environment first,',
    'then .env beside the file) and checks it. Prints one summary line and exits 0',
    'when it is valid (warnings are printed but do not fail); prints every problem',
    'as file:line:column: key.path: message and exits 1 when it is not.',
    '',
    'Options:',
    '  -c, --config FILE  the config file, or a folder to look in',
    '                     (default: cloud-compose/cloud-compose.yml, .yaml, then',
    '                     cloud-compose.yml, .yaml in the current folder)',
    '  -h, --help         show this help',
    '',
  ].join('\n'),
  options: { config: { type: 'string', short: 'c' } },
  run(args, context) {
    const file = args.values.config as string | undefined;
    let config: LoadedConfig;
    try {
      config = loadConfig({ file, cwd: context.cwd, env: context.env });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      printProblems(error.problems, context);
      const errors = error.problems.filter((problem) => problem.severity === 'error').length;
      context.stderr(`${errors} error${errors === 1 ? '' : 's'}${warningSuffix(error.problems.length - errors)}\n`);
      return EXIT.invalid;
    }
    printProblems(config.warnings, context);
    context.stdout(`${summary(config, context.cwd)}\n`);
    return EXIT.ok;
  },
};

/** `cloud-compose/cloud-compose.yml: OK — cluster mongodb-prod, 3 nodes, 3 volumes (1 warning)` */
export function summary(config: LoadedConfig, cwd: string): string {
  const aws = config.cluster.aws;
  const layout = aws.nodes
    ? plural(aws.nodes.length, 'node')
    : `auto scaling group over ${plural(aws.asg?.subnets.length ?? 0, 'subnet')} x ${aws.asg?.redundancy ?? 1}`;
  const warnings = config.warnings.length;
  return `${displayPath(config.file, cwd)}: OK — cluster ${config.cluster.name}, ${layout}, ${plural(aws.volumes.length, 'volume')}${warnings ? ` (${plural(warnings, 'warning')})` : ''}`;
}

function printProblems(problems: readonly ConfigProblem[], context: CliContext): void {
  for (const problem of problems) {
    context.stderr(`${formatProblem({ ...problem, file: displayPath(problem.file, context.cwd) })}\n`);
  }
}

function warningSuffix(count: number): string {
  return count ? `, ${plural(count, 'warning')}` : '';
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Relative to the current folder when inside it, else absolute. */
function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
