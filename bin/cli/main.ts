/**
 * `compose-cluster`: dispatches to the registered commands (commands.ts).
 * Exit codes: 0 done, 1 invalid input, 2 wrong command line.
 */
import { parseArgs } from 'util';
import { CliCommand, CliContext, EXIT } from './command';
import { COMMANDS } from './commands';
import { PROGRAM, reportError, reportUsageError } from './report-error';

/** The top-level help: every command with its summary. */
export function mainHelp(commands: readonly CliCommand[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `Usage: ${PROGRAM} <command> [options]`,
    '',
    'Turns a cloud-compose.yml into a cluster of Docker Compose nodes on AWS (CDK).',
    '',
    'Commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
    '',
  ].join('\n');
}

/** The context of a real process. */
export function processContext(): CliContext {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
  };
}

/**
 * Runs the command line `argv` (without `node` and the script) and resolves to
 * the exit code. Never throws: unexpected failures are reported in one line.
 */
export async function main(argv: readonly string[], context: CliContext = processContext(), commands: readonly CliCommand[] = COMMANDS): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    context.stderr(mainHelp(commands));
    return EXIT.usage;
  }
  if (first === '--help' || first === '-h' || (first === 'help' && rest.length === 0)) {
    context.stdout(mainHelp(commands));
    return EXIT.ok;
  }
  const name = first === 'help' ? rest[0] : first;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    context.stderr(`${PROGRAM}: unknown command "${name}"; commands: ${commands.map((candidate) => candidate.name).join(', ')}\n`);
    return EXIT.usage;
  }
  if (first === 'help') {
    context.stdout(command.help);
    return EXIT.ok;
  }

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    return reportUsageError(command, (error as Error).message, context);
  }
  if (parsed.values.help) {
    context.stdout(command.help);
    return EXIT.ok;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, context);
  } catch (error) {
    return reportError(command, error, context);
  }
}

/** Entry point of bin/compose-cluster.js. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${PROGRAM}: ${(error as Error)?.message ?? String(error)}\n`);
      process.exitCode = EXIT.invalid;
    },
  );
}
