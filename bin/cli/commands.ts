/**
 * The registry of `compose-cluster` commands, in the order `--help` lists them.
 * A new command is one file exporting a CliCommand and one line here.
 */
import { buildCommand } from './build-command';
import { CliCommand } from './command';
import { upgradeNodeCommand } from './upgrade-node-command';
import { userDataCommand } from './user-data-command';
import { validateCommand } from './validate-command';

export const COMMANDS: readonly CliCommand[] = [validateCommand, buildCommand, userDataCommand, upgradeNodeCommand];
