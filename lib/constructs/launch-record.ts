/**
 * What a node's instance was launched with, recorded in the lock file when the
 * instance is (re)created, so synth can warn before a deploy that would restart
 * every node at once or that CloudFormation cannot carry out:
 *
 * - instance type, EBS optimization, user data: CloudFormation stops and starts
 *   the instance (all nodes in parallel), and user data does not run again;
 * - key pair, block-device mappings: CloudFormation must replace the instance,
 *   which fails while its fixed IP / network interface is in use.
 */
import { createHash } from 'crypto';

/** The launch settings of a node's instance (long values as short hashes). */
export interface NodeLaunchRecord {
  readonly instanceType: string;
  /** The key pair. @default - none: launched without a key pair */
  readonly keyName?: string;
  readonly ebsOptimized: boolean;
  /** Hash of the block-device mappings. */
  readonly blockDevices: string;
  /** Hash of the user data (deploy-time values left out). */
  readonly userData: string;
}

/** How the differences between a record and the current settings would be deployed. */
export interface LaunchChanges {
  /** Settings whose change stops and starts the instance. */
  readonly restart: readonly string[];
  /** Settings whose change needs a new instance (impossible in place for a fixed-IP node). */
  readonly replace: readonly string[];
}

/** Short hash of a text; CDK token markers (`${Token[...]}`, numbered per synth) are normalized. */
export function stableHash(text: string): string {
  return createHash('sha256').update(text.replace(/\$\{Token\[[^\]]*\]\}/g, '${Token}')).digest('hex').slice(0, 16);
}

/** The differences between what a node was launched with and what the template now says. */
export function launchChanges(recorded: NodeLaunchRecord, current: NodeLaunchRecord): LaunchChanges {
  const restart: string[] = [];
  const replace: string[] = [];
  if (recorded.instanceType !== current.instanceType) restart.push(`instance type ${recorded.instanceType} -> ${current.instanceType}`);
  if (recorded.ebsOptimized !== current.ebsOptimized) restart.push('EBS optimization');
  if (recorded.userData !== current.userData) restart.push('user data');
  if ((recorded.keyName ?? '') !== (current.keyName ?? '')) replace.push('key pair');
  if (recorded.blockDevices !== current.blockDevices) replace.push('root/mapped volumes');
  return { restart, replace };
}
