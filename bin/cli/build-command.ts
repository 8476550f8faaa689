/**
 * `compose-cluster build [--config FILE] [--node ID] [--ami AMI]`: prints the
 * rendered `cluster.sh` alone, as the original's `cloud-compose cluster build`
 * did. No AWS access: `aws.ami` is the configured value unless `--ami` is given.
 */
import { loadConfig } from '../../lib/config';
import { renderClusterScript } from '../../lib/user-data';
import { CliCommand, EXIT, stringOption } from './command';

export const buildCommand: CliCommand = {
  name: 'build',
  summary: 'Print the rendered cluster.sh for one node',
  help: `Usage: compose-cluster build [--config FILE] [--node ID] [--ami AMI_ID]

Prints the rendered cluster.sh (the boot script template found through the
search path) for one node, as 'cloud-compose cluster build' did.

Options:
  -c, --config FILE  cloud-compose.yml to use (default: found from the current folder)
  -n, --node ID      the node id templates see as _node_id, as 'cloud-compose cluster
                     up' rendered it for that node (default: no _node_id, as
                     'cloud-compose cluster build' rendered)
      --ami AMI_ID   the AMI id templates see as aws.ami (default: the configured
                     aws.ami; aws.ami_name is always the configured value)
  -h, --help         show this help
`,
  options: { config: { type: 'string', short: 'c' }, node: { type: 'string', short: 'n' }, ami: { type: 'string' } },
  run(args, context) {
    const config = loadConfig({ file: stringOption(args, 'config'), cwd: context.cwd, env: context.env });
    const node = stringOption(args, 'node');
    const nodeId = node === undefined ? undefined : nodeIdFor(config.clusterData, node);
    const script = renderClusterScript(config, { nodeId, amiId: stringOption(args, 'ami'), env: context.env });
    context.stdout(`${script}\n`); // Python's print() adds one newline
    return EXIT.ok;
  },
};

/**
 * The id as the config writes it: `--node 1` matches `id: 1` (a number),
 * `--node a` matches `id: a`; an id the config does not list is passed as
 * given (a number when it looks like one).
 */
function nodeIdFor(clusterData: Record<string, unknown>, requested: string): string | number {
  const aws = clusterData.aws as { nodes?: Array<{ id?: string | number }> } | undefined;
  const match = (aws?.nodes ?? []).find((node) => String(node?.id) === requested);
  return match?.id ?? (/^-?\d+$/.test(requested) ? Number(requested) : requested);
}
