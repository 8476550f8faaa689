/**
 * Helpers for construct tests: load a fixture config, give the app the context
 * the CDK CLI would have cached (subnet and image lookups), synthesize.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { parse, stringify } from 'yaml';
import { clusterSchema, loadConfig, LoadedConfig } from '../../lib/config';
import { ComposeCluster, ComposeClusterOptions } from '../../lib/constructs';

// The template validator costs ~3 s per file; dedicated tests run it.
process.env.CDK_VALIDATION = 'false';

export const ACCOUNT = '123456789012';
export const REGION = 'us-east-1';
export const ENV = { account: ACCOUNT, region: REGION };

export const FIXTURES = path.join(__dirname, 'fixtures');

/** Loads `fixtures/<name>`. */
export function fixtureConfig(name: string): LoadedConfig {
  return loadConfig({ file: path.join(FIXTURES, name), env: {} });
}

/** Any JSON-like value, for editing fixture data. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Data = any;

/**
 * Loads `fixtures/<name>` after `edit` changed its parsed `cluster:` section
 * (the edited file is written to a temp dir, so loading runs as for a user's file).
 */
export function editedConfig(name: string, edit: (cluster: Data) => void): LoadedConfig {
  const data = parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Data;
  edit(data.cluster);
  const dir = tempDir();
  fs.cpSync(path.join(FIXTURES, 'templates'), path.join(dir, 'templates'), { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, stringify(data));
  return loadConfig({ file, env: {} });
}

/**
 * Like {@link editedConfig} but checked by the schema alone, as a config built
 * without `loadConfig` would be: for the construct's own checks of problems the
 * loader also reports.
 */
export function schemaOnlyConfig(name: string, edit: (cluster: Data) => void): LoadedConfig {
  const data = parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Data;
  edit(data.cluster);
  const file = path.join(tempDir(), name);
  return { file, baseDir: path.dirname(file), searchPath: [path.dirname(file)], cluster: clusterSchema.parse(data.cluster), clusterData: data.cluster, fileData: data, warnings: [] };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-test-'));
}

/** The cdk.context.json key of a CloudControl subnet lookup, as the CDK CLI stores it. */
export function subnetContextKey(subnetId: string, account = ACCOUNT, region = REGION): string {
  return `cc-api-provider:account=${account}:exactIdentifier=${subnetId}:propertiesToReturn.0=AvailabilityZone:propertiesToReturn.1=CidrBlock:region=${region}:typeName=AWS$:$:EC2$:$:Subnet`;
}

/** The cdk.context.json key of an image Name-tag lookup, as the CDK CLI stores it. */
export function imageContextKey(nameTag: string, owners = ['self'], account = ACCOUNT, region = REGION): string {
  const ownerParts = owners.map((owner, index) => `owners.${index}=${owner}`).join(':');
  return `ami:account=${account}:filters.image-type.0=machine:filters.state.0=available:filters.tag:Name.0=${nameTag}:${ownerParts}:region=${region}`;
}

/** Context for the three-nodes fixture: subnets in a/b/c of 10.0.N.0/24, image docker-host -> ami-0123456789abcdef0. */
export function threeNodeContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    [subnetContextKey('subnet-0aaaaaaaaaaaaaaa1')]: [{ Identifier: 'subnet-0aaaaaaaaaaaaaaa1', AvailabilityZone: 'us-east-1a', CidrBlock: '10.0.1.0/24' }],
    [subnetContextKey('subnet-0bbbbbbbbbbbbbbb2')]: [{ Identifier: 'subnet-0bbbbbbbbbbbbbbb2', AvailabilityZone: 'us-east-1b', CidrBlock: '10.0.2.0/24' }],
    [subnetContextKey('subnet-0ccccccccccccccc3')]: [{ Identifier: 'subnet-0ccccccccccccccc3', AvailabilityZone: 'us-east-1c', CidrBlock: '10.0.3.0/24' }],
    [imageContextKey('docker-host')]: 'ami-0123456789abcdef0',
    ...extra,
  };
}

export interface SynthResult {
  readonly app: App;
  readonly stack: Stack;
  readonly cluster: ComposeCluster;
  readonly template: Template;
  readonly lockFile: string;
}

/**
 * Builds one cluster in a stack with env and returns its template. `withStack`
 * adds props that need the stack (a VPC, a key, a role).
 */
export function synthCluster(
  config: LoadedConfig,
  options: ComposeClusterOptions & { context?: Record<string, unknown> } = {},
  withStack?: (stack: Stack) => ComposeClusterOptions,
): SynthResult {
  const { context, ...baseOptions } = options;
  const app = new App({ context: context ?? threeNodeContext() });
  const stack = new Stack(app, 'Stack', { env: ENV });
  const clusterOptions = { ...baseOptions, ...withStack?.(stack) };
  const lockFile = typeof clusterOptions.lockFile === 'string' ? clusterOptions.lockFile : path.join(tempDir(), 'cloud-compose.lock.json');
  const cluster = new ComposeCluster(stack, 'Cluster', { lockFile, ...clusterOptions, config });
  return { app, stack, cluster, template: Template.fromStack(stack), lockFile };
}
