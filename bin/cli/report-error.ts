/**
 * Turns what a command throws into the CLI's answer: a message on stderr
 * (never a stack trace) and an exit code.
 */
import { ConfigError } from '../../lib/config';
import { TemplateError, UserDataTooLargeError } from '../../lib/user-data';
import { CliCommand, CliContext, EXIT, UsageError } from './command';
import { printConfigError } from './config-problems';

export const PROGRAM = 'compose-cluster';

/** A wrong command line: the message, the command's usage line, where to find its help. Exit 2. */
export function reportUsageError(command: CliCommand, message: string, context: CliContext): number {
  const usageLine = command.help.split('\n')[0];
  context.stderr(`${PROGRAM} ${command.name}: ${message}\n${usageLine}\nRun "${PROGRAM} ${command.name} --help" for usage.\n`);
  return EXIT.usage;
}

/**
 * Reports a failure of `command`: usage errors exit 2; invalid input (config,
 * templates, user data too large, a file that cannot be read) exits 1 with its
 * message; anything else is an unexpected error, still one line, exit 1.
 */
export function reportError(command: CliCommand, error: unknown, context: CliContext): number {
  if (error instanceof UsageError) return reportUsageError(command, error.message, context);
  if (error instanceof ConfigError) {
    printConfigError(error, context);
    return EXIT.invalid;
  }
  const message = (error as Error)?.message ?? String(error);
  if (error instanceof TemplateError || error instanceof UserDataTooLargeError || isFileSystemError(error)) {
    context.stderr(`${PROGRAM} ${command.name}: ${message}\n`);
    return EXIT.invalid;
  }
  context.stderr(`${PROGRAM} ${command.name}: unexpected error: ${message}\n`);
  return EXIT.invalid;
}

/** `ENOENT`, `EACCES`, ...: a file named by the user or its config cannot be read. */
function isFileSystemError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}
