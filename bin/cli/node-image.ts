/**
 * The image id `build` and `user-data` render as `aws.ami`, so they print what
 * the node really receives: the node's pin in cloud-compose.lock.json, else the
 * image lookup the CDK CLI cached in cdk.context.json (what synth would pin),
 * else the configured value. The account and region choose the lock-file target
 * and the cache entry, resolved as the app resolves them.
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { LoadedConfig } from '../../lib/config';
import { ImageLockFile, isImageId, LOCK_FILE_NAME, lockTargetKey, lookupImage } from '../../lib/constructs';
import { resolveAppEnvironment } from '../app/app-environment';
import { AppUsageError } from '../app/app-usage-error';
import { readProjectContext } from '../app/project-context';
import { findCdkProjectDir } from './cdk-project';
import { CliContext, CommandArgs, stringOption, UsageError } from './command';

/** The image to render and where it came from (for the note on stderr). */
export interface NodeImage {
  readonly amiId: string;
  /** E.g. `pinned for node 1 in .../cloud-compose.lock.json`. */
  readonly source: string;
  /** False when it is the configured `aws.ami` as written (nothing resolved it). */
  readonly resolved: boolean;
}

/** What the lookup needs besides the config. */
export interface NodeImageOptions {
  /**
   * `--ami`: used as given.
   * @default - resolved from the lock file or the lookup cache
   */
  readonly ami?: string;
  /**
   * The node (`--node`); its pin is used.
   * @default - no pin: the cached lookup (ASG clusters, `build` without `--node`)
   */
  readonly nodeId?: string;
  /**
   * `--account` / `--region`.
   * @default - CDK_DEFAULT_ACCOUNT / CDK_DEFAULT_REGION, else the app's offline default
   */
  readonly account?: string;
  /** @default - see `account` */
  readonly region?: string;
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
}

/** The image the node receives as `aws.ami`. */
export function nodeImage(config: LoadedConfig, options: NodeImageOptions): NodeImage {
  const { aws, name } = config.cluster;
  if (options.ami !== undefined) return { amiId: options.ami, source: '--ami', resolved: true };
  let environment;
  try {
    environment = resolveAppEnvironment((key) => (key === 'account' ? options.account : key === 'region' ? options.region : undefined), options.env);
  } catch (error) {
    if (error instanceof AppUsageError) throw new UsageError(error.message.replace(/-c (account|region)=\.\.\./g, '--$1'));
    throw error;
  }
  const { account, region } = environment;

  if (options.nodeId !== undefined && aws.nodes?.length) {
    const lockFile = path.join(path.dirname(config.file), LOCK_FILE_NAME);
    const pin = ImageLockFile.read(lockFile).entry(lockTargetKey(account, region, name), options.nodeId).image;
    if (pin) return { amiId: pin.imageId, source: `pinned for node ${options.nodeId} in ${lockFile} (aws://${account}/${region})`, resolved: true };
  }
  if (isImageId(aws.ami)) return { amiId: aws.ami, source: 'aws.ami', resolved: false };

  const projectDir = findCdkProjectDir([options.cwd, path.dirname(config.file)]);
  if (projectDir) {
    const app = new App({ context: readProjectContext(projectDir), analyticsReporting: false });
    const found = lookupImage(new Stack(app, 'Lookup', { env: { account, region } }), aws.ami, aws.ami_owners);
    if (!found.pending) return { amiId: found.imageId, source: `the lookup of "${aws.ami}" cached in ${path.join(projectDir, 'cdk.context.json')} (aws://${account}/${region})`, resolved: true };
  }
  return {
    amiId: aws.ami,
    source: `aws.ami as configured: no pin in the lock file and no cached lookup of "${aws.ami}" for aws://${account}/${region}; the node gets an image id (pass --ami, or --account/--region)`,
    resolved: false,
  };
}

/** The options that choose the image, shared by `build` and `user-data` (help text is each command's). */
export const NODE_IMAGE_OPTIONS = {
  ami: { type: 'string' },
  account: { type: 'string' },
  region: { type: 'string' },
} as const;

/** The image for `nodeId` as the command line (`--ami`, `--account`, `--region`) asks. */
export function nodeImageFromArgs(config: LoadedConfig, args: CommandArgs, nodeId: string | undefined, context: CliContext): NodeImage {
  return nodeImage(config, {
    ami: stringOption(args, 'ami'),
    nodeId,
    account: stringOption(args, 'account'),
    region: stringOption(args, 'region'),
    cwd: context.cwd,
    env: context.env,
  });
}

/** Says on stderr which image `aws.ami` was rendered with, unless it is the configured id or `--ami`. */
export function noteImage(image: NodeImage, context: CliContext): void {
  if (image.source === '--ami' || (image.source === 'aws.ami' && !image.resolved)) return;
  context.stderr(`# aws.ami: ${image.amiId} (${image.source})\n`);
}
