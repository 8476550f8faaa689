/**
 * `compose-cluster build [--config FILE] [--node ID] [--ami AMI]`: prints the
 * rendered `cluster.sh` alone, as the original's `cloud-compose cluster build`
 * did. No AWS access: `aws.ami` is the node's pinned image (lock file), else the
 * cached image lookup (cdk.context.json), else the configured value; `--ami`
 * overrides it.
 */
import { LoadedConfig, loadConfig } from '../../lib/config';
import { renderClusterScript, TemplateError } from '../../lib/user-data';
import { CliCommand, EXIT, stringOption } from './command';
import { NODE_IMAGE_OPTIONS, nodeImageFromArgs, noteImage } from './node-image';
import { listedNodeId, nodeIdList } from './node-selection';

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
      --ami AMI_ID   the AMI id templates see as aws.ami (default: the node's image
                     pinned in cloud-compose.lock.json, else the image lookup cached
                     in the CDK project's cdk.context.json, else the configured
                     aws.ami; stderr says which; aws.ami_name is always the
                     configured value)
      --account ID   account of the lock-file pin and cached lookup (default:
                     CDK_DEFAULT_ACCOUNT, else the app's offline default)
      --region NAME  region likewise (default: CDK_DEFAULT_REGION, else us-east-1)
  -h, --help         show this help
`,
  options: {
    config: { type: 'string', short: 'c' },
    node: { type: 'string', short: 'n' },
    ...NODE_IMAGE_OPTIONS,
  },
  run(args, context) {
    const config = loadConfig({ file: stringOption(args, 'config'), cwd: context.cwd, env: context.env });
    const node = stringOption(args, 'node');
    const nodeId = node === undefined ? undefined : nodeIdFor(config, node);
    const image = nodeImageFromArgs(config, args, node, context);
    let script: string;
    try {
      script = renderClusterScript(config, { nodeId, amiId: image.amiId, env: context.env });
    } catch (error) {
      throw nodeId === undefined ? withNodeHint(error, config) : error;
    }
    context.stdout(`${script}\n`); // Python's print() adds one newline
    noteImage(image, context);
    return EXIT.ok;
  },
};

/**
 * The id as the config writes it (see listedNodeId); an ASG cluster (no
 * `nodes`) passes it as given (a number when it looks like one).
 */
function nodeIdFor(config: LoadedConfig, requested: string): string | number {
  return listedNodeId(config, requested) ?? (/^-?\d+$/.test(requested) ? Number(requested) : requested);
}

/** A template that needs `_node_id` fails without `--node`: the error says how to give one. */
function withNodeHint(error: unknown, config: LoadedConfig): unknown {
  if (!(error instanceof TemplateError) || !/'_node_id' is undefined/.test(error.message)) return error;
  const ids = nodeIdList(config);
  error.message += ` (use --node ID${ids ? `: ${ids}` : ''})`;
  return error;
}
