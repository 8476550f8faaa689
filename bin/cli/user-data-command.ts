/**
 * `compose-cluster user-data [--config FILE] --node ID`: prints the complete
 * user data a node receives, as a readable script (decompressed, deploy-time
 * values shown as described placeholders). Needs no AWS access.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../lib/config';
import { buildNodeUserData, TemplateError, UserDataTooLargeError } from '../../lib/user-data';

/** Where a command writes, and what it reads from its surroundings. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** @default process.cwd() */
  readonly cwd?: string;
  /** @default process.env */
  readonly env?: Record<string, string | undefined>;
}

export const USER_DATA_COMMAND_NAME = 'user-data';
export const USER_DATA_SUMMARY = "print a node's complete user data as a readable script";

export const USER_DATA_USAGE = `Usage: compose-cluster user-data [--config FILE] --node ID [--ami AMI_ID]

Prints the complete user data the node receives, as a readable script: the
header of deploy-time values (shown as <placeholders>), the disk setup, the
compose files, the rendered cluster.sh, the compose start and the completion
signal. Compressed user data is shown decompressed. The size that is
delivered is printed on stderr.

Options:
  --config FILE   cloud-compose.yml (default: found from the current folder)
  --node ID       the node (an id from aws.nodes; not needed with aws.asg)
  --ami AMI_ID    AMI id templates see as aws.ami (default: the configured aws.ami)
  -h, --help      show this help
`;

const defaultIo: CommandIo = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

/** Runs the command; returns the exit code (0 ok, 1 failed, 2 usage error). */
export function runUserDataCommand(argv: readonly string[], io: CommandIo = defaultIo): number {
  let values: { config?: string; node?: string; ami?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { config: { type: 'string' }, node: { type: 'string' }, ami: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: false,
      strict: true,
    }));
  } catch (error) {
    io.stderr(`compose-cluster user-data: ${(error as Error).message}\n\n${USER_DATA_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout(USER_DATA_USAGE);
    return 0;
  }
  try {
    const env = io.env ?? process.env;
    const config = loadConfig({ file: values.config, cwd: io.cwd, env });
    const nodes = config.cluster.aws.nodes ?? [];
    let nodeId: string | number;
    if (nodes.length > 0) {
      const ids = nodes.map((node) => String(node.id)).join(', ');
      if (values.node === undefined) {
        io.stderr(`compose-cluster user-data: --node is required: one of ${ids}\n`);
        return 2;
      }
      const node = nodes.find((candidate) => String(candidate.id) === values.node);
      if (!node) {
        io.stderr(`compose-cluster user-data: no node "${values.node}" in ${config.file}: expected one of ${ids}\n`);
        return 2;
      }
      nodeId = node.id;
    } else {
      nodeId = config.cluster.name;
    }
    const userData = buildNodeUserData(config, { nodeId, amiId: values.ami, env });
    io.stdout(userData.readableScript);
    for (const warning of userData.warnings) io.stderr(`warning: ${warning}\n`);
    io.stderr(
      `# node ${userData.nodeId}: ${userData.sizeBytes} bytes of user data${userData.compressed ? ` (compressed from ${userData.uncompressedSizeBytes})` : ''}, ` +
        `counting deploy-time values at their longest; EC2 accepts 16384\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UserDataTooLargeError || error instanceof TemplateError) {
      io.stderr(`compose-cluster user-data: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
