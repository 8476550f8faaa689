/**
 * What a `compose-cluster` sub-command is: its name, its help and its options
 * (node:util parseArgs style), and the function that runs it.
 */
import type { ParseArgsConfig } from 'util';

/** Where a command writes and what it runs in; tests pass their own. */
export interface CliContext {
  /** Writes to standard output (a line break is not added). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error (a line break is not added). */
  readonly stderr: (text: string) => void;
  /** The folder the command runs in. */
  readonly cwd: string;
  /** The environment used for `${VAR}` substitution. */
  readonly env: Record<string, string | undefined>;
}

/** The parsed command line handed to a command. */
export interface CommandArgs {
  readonly values: Record<string, string | boolean | (string | boolean)[] | undefined>;
  readonly positionals: string[];
}

/**
 * One sub-command. The dispatcher (main.ts) parses `options`, answers
 * `--help`, and reports what `run` throws: a `UsageError` exits 2, invalid
 * input (`ConfigError`, `TemplateError`, ...) exits 1, each in one message and
 * never as a stack trace.
 */
export interface CliCommand {
  /** The word after `compose-cluster`. */
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Full `--help` text (usage line first, description, options). */
  readonly help: string;
  /** parseArgs options; `--help`/`-h` is added for every command. */
  readonly options: NonNullable<ParseArgsConfig['options']>;
  /** Whether positional arguments are accepted. @default false */
  readonly allowPositionals?: boolean;
  /** Runs the command; resolves to the process exit code. */
  run(args: CommandArgs, context: CliContext): number | Promise<number>;
}

/** A wrong command line found after parsing (a missing or unknown value); exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A string option's value (parseArgs gives `undefined` when it is absent). */
export function stringOption(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** Exit codes shared by all commands. */
export const EXIT = {
  ok: 0,
  /** The input (config, templates) is invalid. */
  invalid: 1,
  /** The command line is wrong. */
  usage: 2,
} as const;
