/**
 * `compose-cluster upgrade-node --node ID`: moves one node to the newest image
 * (or re-creates it on its image) in two deploys, because CloudFormation cannot
 * replace an instance whose fixed IP / network interface is still in use.
 *
 *   compose-cluster upgrade-node --node 1            # step 0 (termination protection on): unprotect node 1
 *   cdk deploy
 *   compose-cluster upgrade-node --node 1            # step 1: leave node 1's instance out
 *   cdk deploy                                        #   removes the instance; ENI + data volumes stay
 *   compose-cluster upgrade-node --node 1 --finish   # step 2: bring it back, forget the cached image lookup
 *   cdk deploy                                        #   new instance on the newest image, same IP, same data
 *
 * It only edits cloud-compose.lock.json (and cdk.context.json at --finish);
 * it never calls AWS.
 */
import * as path from 'path';
import { parseArgs } from 'util';
import { ConfigError, formatProblem, loadConfig } from '../../lib/config';
import { forgetImageLookups, ImageLockFile, isImageId, LOCK_FILE_NAME } from '../../lib/constructs';

/** Where the command writes and what it runs in (structurally the CLI's CliContext). */
export interface UpgradeNodeContext {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
}

const HELP = [
  'Usage: compose-cluster upgrade-node --node ID [--finish] [options]',
  '',
  'Moves one fixed-IP node to the newest image of aws.ami in two deploys.',
  'CloudFormation cannot replace an instance whose fixed IP is still in use, so:',
  '',
  '  0. (only with aws.terminate_protection on, the default)',
  '     compose-cluster upgrade-node --node ID',
  '     turns termination protection off for that node. Run `cdk deploy`.',
  '  1. compose-cluster upgrade-node --node ID',
  '     marks the node in cloud-compose.lock.json: its instance is left out and its',
  '     image pin dropped. Run `cdk deploy`: the instance is terminated; its network',
  '     interface (IP), data volumes and EIP stay.',
  '  2. compose-cluster upgrade-node --node ID --finish',
  '     brings the instance back and forgets the cached image lookup in',
  '     cdk.context.json. Run `cdk deploy`: a new instance boots the newest image',
  '     (or aws.ami when it is an ami- id) with the same IP and data volumes, and',
  '     the node is pinned to it. Check the cluster is healthy before the next node.',
  '',
  'Options:',
  '  -n, --node ID           the node id (aws.nodes[].id)',
  '      --finish            step 2: bring the instance back',
  '      --keep-image        step 1 without dropping the pin: re-create the node on',
  '                          its current image (e.g. to apply changed user data)',
  '      --accept            no replacement: record the node\'s current launch settings',
  '                          (instance type, user data, ...) as deployed, after you',
  '                          deployed a change synth warned about',
  '  -c, --config FILE       the config file (default: discovered in the current folder)',
  '      --lock-file FILE    the lock file (default: cloud-compose.lock.json beside the config)',
  '      --target TARGET     aws://ACCOUNT/REGION/CLUSTER when the lock file pins the',
  '                          cluster in several accounts or regions',
  '      --context-file FILE the CDK context cache (default: ./cdk.context.json)',
  '  -h, --help              show this help',
  '',
].join('\n');

const OPTIONS = {
  'node': { type: 'string', short: 'n' },
  'finish': { type: 'boolean' },
  'keep-image': { type: 'boolean' },
  'accept': { type: 'boolean' },
  'config': { type: 'string', short: 'c' },
  'lock-file': { type: 'string' },
  'target': { type: 'string' },
  'context-file': { type: 'string' },
} as const;

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

/** Runs the command with already parsed options; resolves to the exit code (0 done, 1 invalid input, 2 usage). */
export function upgradeNode(values: Values, context: UpgradeNodeContext): number {
  const nodeId = values.node as string | undefined;
  if (!nodeId) {
    context.stderr('compose-cluster upgrade-node: --node ID is required\nRun "compose-cluster upgrade-node --help" for usage.\n');
    return 2;
  }
  let config;
  try {
    config = loadConfig({ file: values.config as string | undefined, cwd: context.cwd, env: context.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    context.stderr(`${error.problems.map(formatProblem).join('\n')}\n`);
    return 1;
  }
  const { cluster } = config;
  const nodeIds = (cluster.aws.nodes ?? []).map((node) => String(node.id));
  if (!nodeIds.includes(nodeId)) {
    context.stderr(`${config.file}: cluster ${cluster.name} has no node "${nodeId}" (nodes: ${nodeIds.join(', ') || 'none; ASG clusters always boot the newest image'})\n`);
    return 1;
  }
  const lockPath = path.resolve(context.cwd, (values['lock-file'] as string | undefined) ?? path.join(path.dirname(config.file), LOCK_FILE_NAME));
  let lock: ImageLockFile;
  try {
    lock = ImageLockFile.read(lockPath);
  } catch (error) {
    context.stderr(`${(error as Error).message}\n`);
    return 1;
  }

  const candidates = Object.keys(lock.targets()).filter((target) => target.endsWith(`/${cluster.name}`) && nodeId in lock.targets()[target]);
  const wanted = values.target as string | undefined;
  const targets = wanted ? candidates.filter((target) => target === wanted) : candidates;
  if (targets.length === 0) {
    context.stderr(wanted
      ? `${lockPath}: no entry for node ${nodeId} under ${wanted} (entries for it: ${candidates.join(', ') || 'none'})\n`
      : `${lockPath}: node ${nodeId} of ${cluster.name} has no pin yet: it was never synthesized with a resolved image, so it already gets the newest one\n`);
    return 1;
  }
  if (targets.length > 1) {
    context.stderr(`${lockPath}: node ${nodeId} of ${cluster.name} is pinned in ${targets.length} places; choose one with --target:\n${targets.map((target) => `  ${target}`).join('\n')}\n`);
    return 2;
  }
  const target = targets[0];
  const entry = lock.entry(target, nodeId);

  if (values.accept) {
    if (!entry.launch) {
      context.stdout(`Node ${nodeId} has no recorded launch settings; the next synth records the current ones.\n`);
      return 0;
    }
    lock.setEntry(target, nodeId, { ...entry, launch: undefined });
    lock.save();
    context.stdout(`Node ${nodeId} of ${cluster.name} (${target}): the next synth records its current launch settings as deployed (no more warnings about them).\n`);
    return 0;
  }

  if (values.finish) {
    if (!entry.omitInstance) {
      context.stderr(`${lockPath}: node ${nodeId} is not being replaced (run step 1 first: compose-cluster upgrade-node --node ${nodeId})\n`);
      return 1;
    }
    lock.setEntry(target, nodeId, { image: entry.image });
    lock.save();
    const lines = [`Node ${nodeId} of ${cluster.name} (${target}) will be re-created.`];
    if (!entry.image && !isImageId(cluster.aws.ami)) {
      const [, account, region] = /^aws:\/\/([^/]+)\/([^/]+)\//.exec(target) ?? [];
      const contextFile = path.resolve(context.cwd, (values['context-file'] as string | undefined) ?? 'cdk.context.json');
      const removed = forgetImageLookups(contextFile, cluster.aws.ami, account, region);
      lines.push(removed.length > 0
        ? `Forgot ${removed.length} cached lookup(s) of image "${cluster.aws.ami}" in ${contextFile}: the next synth finds the newest image.`
        : `No cached lookup of image "${cluster.aws.ami}" in ${contextFile}: the next synth looks it up.`);
    }
    lines.push(entry.image ? `It keeps image ${entry.image.imageId}.` : 'It will be pinned to the image the next synth resolves.');
    lines.push('Next: `cdk deploy` (commit cloud-compose.lock.json and cdk.context.json).', '');
    context.stdout(lines.join('\n'));
    return 0;
  }

  if (entry.omitInstance) {
    context.stderr(`${lockPath}: node ${nodeId} is already being replaced; after its instance is gone run: compose-cluster upgrade-node --node ${nodeId} --finish\n`);
    return 1;
  }
  if (cluster.aws.terminate_protection && !entry.unprotect) {
    // CloudFormation cannot delete a protected instance: one deploy turns the protection off first.
    lock.setEntry(target, nodeId, { ...entry, unprotect: true });
    lock.save();
    context.stdout([
      `Node ${nodeId} of ${cluster.name} (${target}) has termination protection (aws.terminate_protection); it is turned off for this node only.`,
      'Next: `cdk deploy` (an in-place update: the instance keeps running),',
      `then run this command again: compose-cluster upgrade-node --node ${nodeId}${values['keep-image'] ? ' --keep-image' : ''}`,
      '',
    ].join('\n'));
    return 0;
  }
  lock.setEntry(target, nodeId, { image: values['keep-image'] ? entry.image : undefined, omitInstance: true });
  lock.save();
  context.stdout([
    `Node ${nodeId} of ${cluster.name} (${target}): its instance is left out of the template` +
      (values['keep-image'] ? ` (it keeps image ${entry.image?.imageId ?? 'unpinned'}).` : ` and its pin to ${entry.image?.imageId ?? 'no image'} dropped.`),
    'Next: `cdk deploy` terminates the instance; its network interface, IP, data volumes and EIP stay.',
    `Then: compose-cluster upgrade-node --node ${nodeId} --finish, and \`cdk deploy\` again.`,
    '',
  ].join('\n'));
  return 0;
}

/** The command as the compose-cluster CLI registers it (bin/cli/commands.ts). */
export const upgradeNodeCommand = {
  name: 'upgrade-node',
  summary: 'Move one node to the newest image (two-step instance replacement)',
  help: HELP,
  options: OPTIONS,
  run(args: { values: Values }, context: UpgradeNodeContext): number {
    return upgradeNode(args.values, context);
  },
};

/** Standalone entry: parses `argv` (without node and script) and runs; resolves to the exit code. */
export function run(argv: readonly string[], context: UpgradeNodeContext = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), cwd: process.cwd(), env: process.env }): number {
  let values: Values;
  try {
    values = parseArgs({ args: [...argv], options: { ...OPTIONS, help: { type: 'boolean', short: 'h' } }, strict: true }).values as Values;
  } catch (error) {
    context.stderr(`compose-cluster upgrade-node: ${(error as Error).message}\nRun "compose-cluster upgrade-node --help" for usage.\n`);
    return 2;
  }
  if (values.help) {
    context.stdout(HELP);
    return 0;
  }
  return upgradeNode(values, context);
}
