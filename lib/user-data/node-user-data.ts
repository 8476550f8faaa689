/**
 * A node's complete user data: a header defining the deploy-time values as
 * shell variables, then the static body (disk setup, compose files,
 * cluster.sh, compose start, completion signal). Over 16 KB the body is
 * compressed into a self-extracting script; still over, synth fails.
 */
import { LoadedConfig, volumeHoldsData } from '../config';
import { renderComposeFiles } from './templates';
import { planComposeStart } from './compose-start';
import { NODE_ROOT_DIR } from './compose-project';
import { DeployTimeVariable, signalUrlVariable, volumeIdVariable } from './deploy-time-variables';
import { needsDiskSetup, planDiskSetup } from './disk-setup';
import { nodeScriptBody } from './node-script-body';
import { compressBody, selfExtractingWrapper } from './self-extracting';
import { shellQuote } from './shell-quote';
import { renderClusterScript } from './templates/render-cluster-script';
import { USER_DATA_LIMIT_BYTES, UserDataTooLargeError } from './user-data-too-large-error';

/** Options for {@link buildNodeUserData}. */
export interface NodeUserDataOptions {
  /** The node id (`_node_id` in templates); the cluster name in Auto Scaling group mode. */
  readonly nodeId: string | number;
  /** The resolved AMI id templates see as `aws.ami`. @default the configured `aws.ami` */
  readonly amiId?: string;
  /** Environment variables: they win over `environment:` entries and are template data. @default process.env */
  readonly env?: Record<string, string | undefined>;
  /**
   * Names of the volumes whose EBS volume id the construct supplies
   * (`CC_VOLUME_ID_<name>`): standalone `AWS::EC2::Volume`s. The others are
   * found by device name.
   * @default every non-ephemeral volume the disk setup touches that holds data (a `meta.mount`, or an lvm2 logical volume with a mount)
   */
  readonly volumeIdsFor?: readonly string[];
}

/** The user data of one node. */
export interface NodeUserData {
  readonly nodeId: string;
  /** The shell variables the header defines: {@link render} needs a value for each. */
  readonly deployTimeVariables: readonly DeployTimeVariable[];
  /** The static body (no deploy-time value in it). */
  readonly body: string;
  /** Header with described placeholders + body, uncompressed: what `compose-cluster user-data` prints. */
  readonly readableScript: string;
  /** Bytes of the delivered user data, counting each deploy-time value at its worst-case length. */
  readonly sizeBytes: number;
  /** Bytes of the uncompressed user data, counted the same way. */
  readonly uncompressedSizeBytes: number;
  /** True when the body is delivered as a self-extracting compressed script. */
  readonly compressed: boolean;
  /** Things the user may want to know about this node's boot (e.g. compose not started, and why), without the node id. */
  readonly warnings: readonly string[];
  /**
   * The user data text with the deploy-time values filled in. Values may be
   * CDK tokens (they must not resolve to text holding a single quote).
   * Throws when a variable has no value or the result is over 16 KB.
   */
  render(values: Readonly<Record<string, string>>): string;
}

/** Builds the user data of one node. Throws `ConfigError` or {@link UserDataTooLargeError}. */
export function buildNodeUserData(config: LoadedConfig, options: NodeUserDataOptions): NodeUserData {
  const nodeId = String(options.nodeId);
  // One copy for the whole node: enumerating process.env is slow, and the renders below read it three times.
  const env = { ...(options.env ?? process.env) };
  const renderOptions = { nodeId: options.nodeId, amiId: options.amiId, env };
  const volumes = config.cluster.aws.volumes;
  const disk = config.cluster.disk_setup ? planDiskSetup(volumes, { configFile: config.file }) : undefined;
  const volumeIdsFor = new Set(options.volumeIdsFor ?? volumes.filter((volume) => !volume.ephemeral && needsDiskSetup(volume) && volumeHoldsData(volume)).map((volume) => volume.name));
  const variables: DeployTimeVariable[] = [
    signalUrlVariable(),
    ...volumes.filter((volume) => disk && needsDiskSetup(volume) && volumeIdsFor.has(volume.name)).map((volume) => volumeIdVariable(volume.name, volume.block as string)),
  ];
  const composeFiles = renderComposeFiles(config, renderOptions);
  const compose = planComposeStart(config, { nodeId, env, files: composeFiles });
  const body = nodeScriptBody(config, {
    nodeId,
    headerVariables: variables.map((variable) => variable.name),
    disk,
    compose,
    clusterScript: renderClusterScript(config, { ...renderOptions, composeFiles }),
  });
  assertNoTokens(body, nodeId);

  const title = `# compose-cluster user data: node ${nodeId} of cluster ${config.cluster.name.replace(/\n/g, ' ')}`;
  const header = (values: Readonly<Record<string, string>>) =>
    ['#!/bin/bash', title, ...variables.map((variable) => `${variable.name}=${shellQuote(values[variable.name])}`), ''].join('\n');
  const worstCase = Object.fromEntries(variables.map((variable) => [variable.name, 'x'.repeat(variable.worstCaseLength)]));
  const uncompressedSizeBytes = bytes(header(worstCase) + body);
  const compressed = uncompressedSizeBytes > USER_DATA_LIMIT_BYTES;
  const tail = compressed ? selfExtractingWrapper(variables.map((variable) => variable.name), compressBody(body), NODE_ROOT_DIR) : body;
  const sizeBytes = bytes(header(worstCase) + tail);
  if (sizeBytes > USER_DATA_LIMIT_BYTES) throw new UserDataTooLargeError(nodeId, uncompressedSizeBytes, sizeBytes);

  const placeholders = Object.fromEntries(variables.map((variable) => [variable.name, `<deploy-time: ${variable.description}>`]));
  const readableScript = [
    header(placeholders).replace(title, `${title}\n# Readable form${compressed ? ` (delivered gzip-compressed in a self-extracting script: ${sizeBytes} bytes)` : ''}: deploy-time values shown as <placeholders>.`),
    body,
  ].join('');

  return {
    nodeId,
    deployTimeVariables: variables,
    body,
    readableScript,
    sizeBytes,
    uncompressedSizeBytes,
    compressed,
    warnings: compose.skippedBecause && config.cluster.start_compose ? [`compose services are not started: ${compose.skippedBecause}`] : [],
    render(values) {
      const missing = variables.filter((variable) => typeof values[variable.name] !== 'string').map((variable) => variable.name);
      if (missing.length > 0) throw new Error(`user data of node ${nodeId}: no value for ${missing.join(', ')}`);
      // A token's length is unknown at synth: count it at the variable's worst case.
      const measured = Object.fromEntries(
        variables.map((variable) => {
          const value = values[variable.name];
          return [variable.name, HAS_TOKEN.test(value) ? 'x'.repeat(Math.max(variable.worstCaseLength, value.length)) : value];
        }),
      );
      const size = bytes(header(measured) + tail);
      if (size > USER_DATA_LIMIT_BYTES) throw new UserDataTooLargeError(nodeId, uncompressedSizeBytes, size);
      const text = header(values) + tail;
      return text;
    },
  };
}

/** CDK token strings: `${Token[...]}` (strings) and `#{Token[...]}` (lists). */
const TOKEN_PATTERN = /[$#]\{Token\[[^\]]*\]\}/g;
const HAS_TOKEN = /[$#]\{Token\[[^\]]*\]\}/;

function assertNoTokens(body: string, nodeId: string): void {
  const token = body.match(TOKEN_PATTERN);
  if (token) {
    throw new Error(
      `the user data of node ${nodeId} contains the CloudFormation token ${token[0]} outside its header of deploy-time values; ` +
        'pass deploy-time values (e.g. an AMI id from a parameter) as resolved strings, or through the header',
    );
  }
}

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
