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
import { loadConfig } from '../../lib/config';
import { forgetImageLookups, ImageLockFile, isImageId, LOCK_FILE_NAME } from '../../lib/constructs';
import { findCdkProjectDir } from './cdk-project';
import { CliCommand, CliContext, CommandArgs, EXIT, stringOption, UsageError } from './command';

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
  '      --context-file FILE the CDK context cache (default: cdk.context.json beside the',
  '                          cdk.json found at or above the current folder, else',
  '                          at or above the config file\'s folder)',
  '  -h, --help              show this help',
  '',
].join('\n');

export const upgradeNodeCommand: CliCommand = {
  name: 'upgrade-node',
  summary: 'Move one node to the newest image (two-step instance replacement)',
  help: HELP,
  options: {
    'node': { type: 'string', short: 'n' },
    'finish': { type: 'boolean' },
    'keep-image': { type: 'boolean' },
    'accept': { type: 'boolean' },
    'config': { type: 'string', short: 'c' },
    'lock-file': { type: 'string' },
    'target': { type: 'string' },
    'context-file': { type: 'string' },
  },
  run: upgradeNode,
};

/** Runs the command; returns the exit code (0 done, 1 invalid input, 2 usage). */
function upgradeNode(args: CommandArgs, context: CliContext): number {
  const { values } = args;
  const nodeId = stringOption(args, 'node');
  if (!nodeId) throw new UsageError('--node ID is required');
  const config = loadConfig({ file: stringOption(args, 'config'), cwd: context.cwd, env: context.env });
  const { cluster } = config;
  const nodeIds = (cluster.aws.nodes ?? []).map((node) => String(node.id));
  if (!nodeIds.includes(nodeId)) {
    context.stderr(`${config.file}: cluster ${cluster.name} has no node "${nodeId}" (nodes: ${nodeIds.join(', ') || 'none; ASG clusters always boot the newest image'})\n`);
    return EXIT.invalid;
  }
  const lockPath = path.resolve(context.cwd, stringOption(args, 'lock-file') ?? path.join(path.dirname(config.file), LOCK_FILE_NAME));
  let lock: ImageLockFile;
  try {
    lock = ImageLockFile.read(lockPath);
  } catch (error) {
    context.stderr(`${(error as Error).message}\n`);
    return EXIT.invalid;
  }

  const candidates = Object.keys(lock.targets()).filter((target) => target.endsWith(`/${cluster.name}`) && nodeId in lock.targets()[target]);
  const wanted = stringOption(args, 'target');
  const targets = wanted ? candidates.filter((target) => target === wanted) : candidates;
  if (targets.length === 0) {
    context.stderr(wanted
      ? `${lockPath}: no entry for node ${nodeId} under ${wanted} (entries for it: ${candidates.join(', ') || 'none'})\n`
      : `${lockPath}: node ${nodeId} of ${cluster.name} has no pin yet: it was never synthesized with a resolved image, so it already gets the newest one\n`);
    return EXIT.invalid;
  }
  if (targets.length > 1) {
    context.stderr(`${lockPath}: node ${nodeId} of ${cluster.name} is pinned in ${targets.length} places; choose one with --target:\n${targets.map((target) => `  ${target}`).join('\n')}\n`);
    return EXIT.usage;
  }
  const target = targets[0];
  const entry = lock.entry(target, nodeId);

  if (values.accept) {
    if (!entry.launch) {
      context.stdout(`Node ${nodeId} has no recorded launch settings; the next synth records the current ones.\n`);
      return EXIT.ok;
    }
    lock.setEntry(target, nodeId, { ...entry, launch: undefined });
    lock.save();
    context.stdout(`Node ${nodeId} of ${cluster.name} (${target}): the next synth records its current launch settings as deployed (no more warnings about them).\n`);
    return EXIT.ok;
  }

  if (values.finish) {
    if (!entry.omitInstance) {
      context.stderr(`${lockPath}: node ${nodeId} is not being replaced (run step 1 first: compose-cluster upgrade-node --node ${nodeId})\n`);
      return EXIT.invalid;
    }
    const forgetLookup = !entry.image && !isImageId(cluster.aws.ami);
    let contextFile = '';
    if (forgetLookup) {
      const given = stringOption(args, 'context-file');
      const projectDir = given === undefined ? findCdkProjectDir([context.cwd, path.dirname(config.file)]) : undefined;
      if (given === undefined && projectDir === undefined) {
        context.stderr(`no cdk.json in ${path.resolve(context.cwd)} or above, nor above ${path.dirname(config.file)}: cannot find the CDK project whose cdk.context.json caches the image lookup. Run this from the CDK project folder, or pass --context-file FILE\n`);
        return EXIT.invalid;
      }
      contextFile = given === undefined ? path.join(projectDir!, 'cdk.context.json') : path.resolve(context.cwd, given);
    }
    lock.setEntry(target, nodeId, { image: entry.image, volumes: entry.volumes });
    lock.save();
    const lines = [`Node ${nodeId} of ${cluster.name} (${target}) will be re-created.`];
    if (forgetLookup) {
      const [, account, region] = /^aws:\/\/([^/]+)\/([^/]+)\//.exec(target) ?? [];
      const removed = forgetImageLookups(contextFile, cluster.aws.ami, account, region);
      lines.push(removed.length > 0
        ? `Forgot ${removed.length} cached lookup(s) of image "${cluster.aws.ami}" in ${contextFile}: the next synth finds the newest image.`
        : `No cached lookup of image "${cluster.aws.ami}" in ${contextFile}: the next synth looks it up.`);
    }
    lines.push(entry.image ? `It keeps image ${entry.image.imageId}.` : 'It will be pinned to the image the next synth resolves.');
    lines.push('Next: `cdk deploy` (commit cloud-compose.lock.json and cdk.context.json).', '');
    context.stdout(lines.join('\n'));
    return EXIT.ok;
  }

  if (entry.omitInstance) {
    context.stderr(`${lockPath}: node ${nodeId} is already being replaced; after its instance is gone run: compose-cluster upgrade-node --node ${nodeId} --finish\n`);
    return EXIT.invalid;
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
    return EXIT.ok;
  }
  lock.setEntry(target, nodeId, { image: values['keep-image'] ? entry.image : undefined, omitInstance: true, volumes: entry.volumes });
  lock.save();
  context.stdout([
    `Node ${nodeId} of ${cluster.name} (${target}): its instance is left out of the template` +
      (values['keep-image'] ? ` (it keeps image ${entry.image?.imageId ?? 'unpinned'}).` : ` and its pin to ${entry.image?.imageId ?? 'no image'} dropped.`),
    'Next: `cdk deploy` terminates the instance; its network interface, IP, data volumes and EIP stay.',
    `Then: compose-cluster upgrade-node --node ${nodeId} --finish, and \`cdk deploy\` again.`,
    '',
  ].join('\n'));
  return EXIT.ok;
}
