/**
 * `compose-cluster validate [--config FILE]`: loads and checks a
 * cloud-compose.yml, prints a one-line summary (exit 0) or every problem (exit 1).
 */
import { LoadedConfig, loadConfig } from '../../lib/config';
import { CliCommand, EXIT, stringOption } from './command';
import { displayPath, plural, printProblems } from './config-problems';

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
    // An invalid config throws ConfigError: the dispatcher prints every problem and a count (exit 1).
    const config = loadConfig({ file: stringOption(args, 'config'), cwd: context.cwd, env: context.env });
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
