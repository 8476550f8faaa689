/** Runs the `compose-cluster` command line in-process, as the executable does, and captures what it writes. */
import * as path from 'path';
import { CliContext } from '../../bin/cli/command';
import { main } from '../../bin/cli/main';

export const EXAMPLE_DIR = path.join(__dirname, '..', '..', 'examples', 'mongodb');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * `compose-cluster ...argv` in `cwd` with exactly `env` as its environment.
 * @param options.cwd @default the bundled example's folder
 * @param options.env @default {} (no variables)
 */
export async function runCli(argv: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    cwd: options.cwd ?? EXAMPLE_DIR,
    env: options.env ?? {},
  };
  const code = await main(argv, context);
  return { code, stdout, stderr };
}
