/**
 * The registry of `compose-cluster` commands, in the order `--help` lists them.
 * A new command is one file exporting a CliCommand and one line here.
 */
import { CliCommand } from './command';
import { validateCommand } from './validate-command';

export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
];
