/**
 * `compose-cluster build [--config FILE] [--node ID] [--ami AMI]`: prints the
 * rendered `cluster.sh` alone, as the original's `cloud-compose cluster build`
 * did. No AWS access: `aws.ami` is the configured value unless `--ami` is given.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../../lib/config';
import { TemplateError } from '../../lib/user-data/templates/template-error';
import { renderClusterScript } from '../../lib/user-data/templates/render-cluster-script';

/** Where a command writes; tests pass their own. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** @default process.cwd() */
  readonly cwd?: string;
  /** @default process.env */
  readonly env?: Record<string, string | undefined>;
}

export const BUILD_HELP = `Usage: compose-cluster build [--config FILE] [--node ID] [--ami AMI_ID]

Prints the rendered cluster.sh (the boot script template found through the
search path) for one node, as 'cloud-compose cluster build' did.

Options:
  --config FILE  cloud-compose.yml to use (default: found from the current folder)
  --node ID      the node id templates see as _node_id, as 'cloud-compose cluster
                 up' rendered it for that node (default: no _node_id, as
                 'cloud-compose cluster build' rendered)
  --ami AMI_ID   the AMI id templates see as aws.ami (default: the configured
                 aws.ami; aws.ami_name is always the configured value)
  -h, --help     show this help
`;

/** The id as the config writes it: `--node 1` matches `id: 1` (a number), `--node a` matches `id: a`. */
function nodeIdFor(clusterData: Record<string, unknown>, requested: string): string | number {
  const aws = clusterData.aws as { nodes?: Array<{ id?: string | number }> } | undefined;
  const match = (aws?.nodes ?? []).find((node) => String(node?.id) === requested);
  return match?.id ?? (/^-?\d+$/.test(requested) ? Number(requested) : requested);
}

/** Runs `build` with the arguments after the command name; returns the exit code. */
export function runBuild(argv: readonly string[], io: CommandIo): number {
  let values: { config?: string; node?: string; ami?: string; help?: boolean };
  try {
    values = parseArgs({
      args: [...argv],
      options: {
        config: { type: 'string' },
        node: { type: 'string' },
        ami: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    io.stderr(`compose-cluster build: ${(error as Error).message}\n\n${BUILD_HELP}`);
    return 2;
  }
  if (values.help) {
    io.stdout(BUILD_HELP);
    return 0;
  }
  try {
    const env = io.env ?? process.env;
    const config = loadConfig({ file: values.config, cwd: io.cwd, env });
    const nodeId = values.node === undefined ? undefined : nodeIdFor(config.clusterData, values.node);
    const script = renderClusterScript(config, { nodeId, amiId: values.ami, env });
    io.stdout(`${script}\n`); // Python's print() adds one newline
    return 0;
  } catch (error) {
    if (error instanceof TemplateError || error instanceof ConfigError) {
      io.stderr(`compose-cluster build: ${error.message}\n`);
      return 1;
    }
    if ((error as NodeJS.ErrnoException)?.code === 'ENOENT') {
      io.stderr(`compose-cluster build: ${(error as Error).message}\n`);
      return 1;
    }
    throw error;
  }
}
