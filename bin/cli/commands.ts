/**
 * The registry of `compose-cluster` commands, in the order `--help` lists them.
 * A new command is one file exporting a CliCommand and one line here.
 */
import { CliCommand } from './command';
import { BUILD_HELP, runBuild } from './build-command';
import { runUserDataCommand, USER_DATA_COMMAND_NAME, USER_DATA_SUMMARY, USER_DATA_USAGE } from './user-data-command';
import { upgradeNodeCommand } from './upgrade-node-command';
import { validateCommand } from './validate-command';

const unusedRun = (): number => {
  throw new Error('parses its own arguments: runArgv is used');
};

export const COMMANDS: readonly CliCommand[] = [
  validateCommand,
  {
    name: 'build',
    summary: 'print the rendered cluster.sh for one node',
    help: BUILD_HELP,
    options: {},
    run: unusedRun,
    runArgv: (argv, context) => runBuild(argv, context),
  },
  {
    name: USER_DATA_COMMAND_NAME,
    summary: USER_DATA_SUMMARY,
    help: USER_DATA_USAGE,
    options: {},
    run: unusedRun,
    runArgv: (argv, context) => runUserDataCommand(argv, context),
  },
  upgradeNodeCommand,
];
