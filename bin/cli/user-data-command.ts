/**
 * `compose-cluster user-data [--config FILE] --node ID`: prints the complete
 * user data a node receives, as a readable script (decompressed, deploy-time
 * values shown as described placeholders), rendered with the image the node
 * boots (its pin in the lock file, else the cached lookup). Needs no AWS access.
 */
import { LoadedConfig, loadConfig } from '../../lib/config';
import { buildNodeUserData, USER_DATA_LIMIT_BYTES } from '../../lib/user-data';
import { CliCommand, EXIT, stringOption, UsageError } from './command';
import { NODE_IMAGE_OPTIONS, nodeImageFromArgs, noteImage } from './node-image';
import { listedNodeId, nodeIdList } from './node-selection';

export const userDataCommand: CliCommand = {
  name: 'user-data',
  summary: "Print a node's complete user data as a readable script",
  help: `Usage: compose-cluster user-data [--config FILE] --node ID [--ami AMI_ID]

Prints the complete user data the node receives, as a readable script: the
header of deploy-time values (shown as <placeholders>), the disk setup, the
compose files, the rendered cluster.sh, the compose start and the completion
signal. Compressed user data is shown decompressed. The size that is
delivered is printed on stderr.

Options:
  -c, --config FILE  cloud-compose.yml (default: found from the current folder)
  -n, --node ID      the node (an id from aws.nodes; not needed with aws.asg)
      --ami AMI_ID   AMI id templates see as aws.ami (default: the node's image
                     pinned in cloud-compose.lock.json, else the image lookup cached
                     in the CDK project's cdk.context.json, else the configured
                     aws.ami; stderr says which)
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
    const nodeId = selectNode(config, stringOption(args, 'node'));
    const image = nodeImageFromArgs(config, args, String(nodeId), context);
    const userData = buildNodeUserData(config, { nodeId, amiId: image.amiId, env: context.env });
    context.stdout(userData.readableScript);
    for (const warning of userData.warnings) context.stderr(`warning: node ${userData.nodeId}: ${warning}\n`);
    context.stderr(
      `# node ${userData.nodeId}: ${userData.sizeBytes} bytes of user data${userData.compressed ? ` (compressed from ${userData.uncompressedSizeBytes})` : ''}, ` +
        `counting deploy-time values at their longest; EC2 accepts ${USER_DATA_LIMIT_BYTES}\n`,
    );
    noteImage(image, context);
    return EXIT.ok;
  },
};

/** The id of the node asked for with `--node`, as the config writes it; an ASG cluster has one launch template, named after the cluster. */
function selectNode(config: LoadedConfig, requested: string | undefined): string | number {
  if (!config.cluster.aws.nodes?.length) return config.cluster.name;
  if (requested === undefined) throw new UsageError(`--node is required: one of ${nodeIdList(config)}`);
  return listedNodeId(config, requested)!;
}
