/**
 * Keeps config edits from replacing a data volume. CloudFormation replaces an
 * `AWS::EC2::Volume` (a new blank volume; the old one is snapshotted and
 * deleted) when its AvailabilityZone, SnapshotId, Encrypted or KmsKeyId
 * changes, and deletes it when its logical id disappears (volume renamed, no
 * longer mounted, node removed or renumbered). The lock file records each data
 * volume's replacement-only properties when it is first synthesized; later synths:
 *
 * - keep the recorded SnapshotId when `snapshot` was removed or changed (the
 *   volume exists; a snapshot only matters at creation), with an annotation;
 * - fail with one ConfigError for an AZ, encryption or KMS key change and for a
 *   recorded volume that is gone from the config;
 * - let a change through only for volumes named in the
 *   `compose-cluster:replace-volume` context (or the `replaceVolumes` prop),
 *   and record the new values.
 */
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ConfigError, ConfigProblem } from '../config';
import { dataVolumeChanges, DataVolumeRecord } from './data-volume-record';
import { ImageLockFile } from './image-lock-file';
import { PENDING_AVAILABILITY_ZONE } from './subnet-info';
import { PlannedVolume } from './volume-plan';

/** Context key: `cdk deploy -c compose-cluster:replace-volume=1/data,2/data` (`1/*`: every volume of node 1). */
export const REPLACE_VOLUME_CONTEXT = 'compose-cluster:replace-volume';

/** The lock file as the guard uses it. */
export interface DataVolumeLock {
  readonly lock: ImageLockFile;
  /** The deployment target key (`aws://account/region/cluster`). */
  readonly target: string;
  /** Whether synth may write the lock file. */
  readonly update: boolean;
}

/** A node as the guard sees it. */
export interface GuardedNode {
  readonly nodeId: string;
  /** Index in `aws.nodes`, for messages. */
  readonly index: number;
  readonly availabilityZone: string;
}

/** What to build: per node, the SnapshotId to use instead of the config's, by volume name. */
export type KeptSnapshots = ReadonlyMap<string, ReadonlyMap<string, string | undefined>>;

/** Everything the guard needs besides the scope. */
export interface DataVolumeGuardInput {
  /**
   * The lock file.
   * @default - none: lock file disabled, nothing is recorded or checked
   */
  readonly lock?: DataVolumeLock;
  /** The config file, for messages. */
  readonly configFile: string;
  readonly nodes: readonly GuardedNode[];
  readonly volumes: readonly PlannedVolume[];
  /**
   * KMS key of encrypted volumes.
   * @default - the account's aws/ebs key
   */
  readonly kmsKeyId?: string;
  /**
   * `NODE/VOLUME` items allowed to be replaced or deleted, besides the context's.
   * @default - only the context's
   */
  readonly replaceVolumes?: readonly string[];
}

/** Checks every data volume against the lock file; throws a ConfigError for changes that would lose data. */
export function guardDataVolumes(scope: Construct, input: DataVolumeGuardInput): KeptSnapshots {
  const kept = new Map<string, Map<string, string | undefined>>();
  const { lock } = input;
  if (!lock) return kept;
  const accepted = acceptedReplacements(scope, input.replaceVolumes);
  const isAccepted = (nodeId: string, name: string) => accepted.has(`${nodeId}/${name}`) || accepted.has(`${nodeId}/*`);
  const kmsKeyId = input.kmsKeyId === undefined ? undefined : Token.isUnresolved(input.kmsKeyId) ? JSON.stringify(Stack.of(scope).resolve(input.kmsKeyId)) : input.kmsKeyId;
  const dataVolumes = input.volumes.filter((volume) => volume.kind === 'data');
  const how = (nodeId: string, name: string) => `-c ${REPLACE_VOLUME_CONTEXT}=${nodeId}/${name}`;
  const problems: ConfigProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ file: input.configFile, path, message, severity: 'error' });

  for (const node of input.nodes) {
    const entry = lock.lock.entry(lock.target, node.nodeId);
    const recorded: Record<string, DataVolumeRecord> = { ...(entry.volumes ?? {}) };
    const azKnown = node.availabilityZone !== PENDING_AVAILABILITY_ZONE && !Token.isUnresolved(node.availabilityZone);
    const snapshots = new Map<string, string | undefined>();
    let changed = false;

    for (const volume of dataVolumes) {
      const name = volume.config.name;
      const encrypted = Boolean(volume.encrypted);
      const current: DataVolumeRecord = {
        availabilityZone: node.availabilityZone,
        ...(volume.config.snapshot ? { snapshotId: volume.config.snapshot } : {}),
        encrypted,
        ...(encrypted && kmsKeyId ? { kmsKeyId } : {}),
      };
      const before = recorded[name];
      if (!before || isAccepted(node.nodeId, name)) {
        if (before && dataVolumeChanges(before, current, azKnown).length > 0) {
          Annotations.of(scope).addWarningV2(`compose-cluster:replaceVolume${node.nodeId}/${name}`, `node ${node.nodeId}, volume "${name}": replaced as asked by ${REPLACE_VOLUME_CONTEXT}: a new volume is created and the old one deleted (a final snapshot is kept)`);
        }
        if (azKnown && JSON.stringify(before) !== JSON.stringify(current)) {
          recorded[name] = current;
          changed = true;
        }
        continue;
      }
      const changes = dataVolumeChanges(before, current, azKnown);
      const snapshotChange = changes.find((change) => change.property === 'SnapshotId');
      if (snapshotChange) {
        snapshots.set(name, before.snapshotId);
        const text = `node ${node.nodeId}, volume "${name}" already exists (recorded in ${lock.lock.file}): it keeps SnapshotId ${snapshotChange.recorded}; aws.volumes[${volume.index}].snapshot (${snapshotChange.current}) only applies when a volume is created`;
        if (volume.config.snapshot === undefined) Annotations.of(scope).addInfo(`${text}.`);
        else Annotations.of(scope).addWarningV2(`compose-cluster:keptSnapshot${node.nodeId}/${name}`, `${text}. To restore it from ${snapshotChange.current} (a new volume; the current one is deleted after a final snapshot), deploy with ${how(node.nodeId, name)}`);
      }
      const conflicts = changes.filter((change) => change.property !== 'SnapshotId');
      if (conflicts.length > 0) {
        problem(
          conflicts.some((change) => change.property === 'AvailabilityZone') ? `cluster.aws.nodes[${node.index}].subnet` : `cluster.aws.volumes[${volume.index}]`,
          `node ${node.nodeId}, data volume "${name}": ${conflicts.map((change) => `${change.property} ${change.recorded} -> ${change.current}`).join(', ')}. ` +
            `CloudFormation would replace the volume with a new blank one and delete this one (only a final snapshot is kept). ` +
            `Restore the previous setting, or replace it deliberately: synthesize and deploy with ${how(node.nodeId, name)} (the lock file ${lock.lock.file} then records the new volume)`,
        );
      }
    }

    const inConfig = new Set(dataVolumes.map((volume) => volume.config.name));
    for (const name of Object.keys(recorded)) {
      if (inConfig.has(name)) continue;
      if (isAccepted(node.nodeId, name)) {
        delete recorded[name];
        changed = true;
        continue;
      }
      problem('cluster.aws.volumes', goneMessage(node.nodeId, name, lock.lock.file, 'is no longer a data volume in the config (renamed, or no longer mounted)', how(node.nodeId, name)));
    }
    if (snapshots.size > 0) kept.set(node.nodeId, snapshots);
    if (changed && lock.update) lock.lock.setEntry(lock.target, node.nodeId, { ...lock.lock.entry(lock.target, node.nodeId), volumes: recorded });
  }

  const nodeIds = new Set(input.nodes.map((node) => node.nodeId));
  for (const [nodeId, entry] of Object.entries(lock.lock.targets()[lock.target] ?? {})) {
    if (nodeIds.has(nodeId) || !entry.volumes) continue;
    const remaining = Object.fromEntries(Object.entries(entry.volumes).filter(([name]) => !isAccepted(nodeId, name)));
    for (const name of Object.keys(remaining)) {
      problem('cluster.aws.nodes', goneMessage(nodeId, name, lock.lock.file, `belongs to node ${nodeId}, which is no longer in the config (removed, or its id changed)`, how(nodeId, name)));
    }
    if (lock.update && Object.keys(remaining).length !== Object.keys(entry.volumes).length) {
      lock.lock.setEntry(lock.target, nodeId, { ...entry, volumes: remaining });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return kept;
}

function goneMessage(nodeId: string, name: string, lockFile: string, why: string, how: string): string {
  return `data volume "${name}" of node ${nodeId} (recorded in ${lockFile}) ${why}: removing it from the template deletes the volume and its data (the Snapshot policy keeps a final snapshot). ` +
    `Put it back, or delete it deliberately: synthesize and deploy with ${how}`;
}

/** `NODE/VOLUME` items from the context and the prop. */
function acceptedReplacements(scope: Construct, fromProps: readonly string[] = []): Set<string> {
  const raw: unknown = scope.node.tryGetContext(REPLACE_VOLUME_CONTEXT);
  const fromContext = raw === undefined || raw === null || raw === '' ? [] : Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
  return new Set([...fromContext, ...fromProps].map((item) => item.trim()).filter(Boolean));
}
