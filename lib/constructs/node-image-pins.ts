/**
 * Which image each node boots, and whether its instance is in the template at
 * all: pins from the lock file (cloud-compose.lock.json), new pins for nodes
 * synthesized the first time, and the two-step replacement states (omitted
 * instance, termination protection off). Also keeps the launch records the
 * lock file holds for warnings before disruptive deploys.
 */
import * as path from 'path';
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ComposeClusterProps } from './compose-cluster-props';
import { DataVolumeLock } from './data-volume-guard';
import { blockDeviceMappings, ComposeNode, NodeSharedSettings } from './compose-node';
import { ImageLockFile, LOCK_FILE_NAME, lockTargetKey } from './image-lock-file';
import { lookupImage } from './image-lookup';
import { launchChanges, NodeLaunchRecord, stableHash } from './launch-record';
import { omittedFromContext } from './omitted-instances';

/** Command users run to move a node to the newest image (named in warnings). */
export const UPGRADE_COMMAND = 'compose-cluster upgrade-node';

/** How one node is launched in this synth. */
export interface NodeLaunchPlan {
  /**
   * The image to boot.
   * @default - none: the instance is left out (two-step replacement)
   */
  readonly imageId?: string;
  /** Turn termination protection off on this node's instance (before it is removed). */
  readonly unprotect: boolean;
}

/** The per-node image pins of one cluster in one synth. */
export class NodeImagePins {
  /**
   * The image of every node that keeps its instance: its pin from the lock file,
   * or (first synth of the node) the resolved `aws.ami`, which is then pinned.
   */
  public static resolve(scope: Construct, props: ComposeClusterProps): NodeImagePins {
    const { cluster } = props.config;
    const stack = Stack.of(scope);
    const target = lockTargetKey(
      Token.isUnresolved(stack.account) ? 'unknown-account' : stack.account,
      Token.isUnresolved(stack.region) ? 'unknown-region' : stack.region,
      cluster.name,
    );
    const lockPath = props.lockFile === false ? undefined : props.lockFile ?? path.join(path.dirname(props.config.file), LOCK_FILE_NAME);
    const lock = lockPath ? ImageLockFile.read(lockPath) : undefined;
    const omitted = new Set([...omittedFromContext(scope, cluster.name), ...(props.omitInstances ?? []).map(String)]);
    const nodeIds = (cluster.aws.nodes ?? []).map((node) => String(node.id));
    for (const omit of omitted) {
      if (!nodeIds.includes(omit)) Annotations.of(scope).addWarningV2('compose-cluster:omitUnknownNode', `omit-instance names node "${omit}", which cluster ${cluster.name} does not have (nodes: ${nodeIds.join(', ')})`);
    }

    let resolved: { imageId: string; pending: boolean } | undefined;
    const images = new Map<string, NodeLaunchPlan>();
    for (const nodeId of nodeIds) {
      const entry = lock?.entry(target, nodeId) ?? {};
      const unprotect = Boolean(entry.unprotect);
      if (entry.omitInstance) {
        images.set(nodeId, { unprotect });
        continue;
      }
      if (omitted.has(nodeId)) {
        images.set(nodeId, { unprotect });
        // The instance is going away: the next one records its own launch settings.
        if (lock && entry.launch && props.updateLockFile !== false) lock.setEntry(target, nodeId, { ...entry, launch: undefined });
        if (cluster.aws.terminate_protection) {
          Annotations.of(scope).addWarningV2(
            `compose-cluster:omitProtected${nodeId}`,
            `node ${nodeId}'s instance is left out, but aws.terminate_protection is on: CloudFormation cannot delete a protected instance. Deploy with its protection off first (${UPGRADE_COMMAND} --node ${nodeId} does both steps)`,
          );
        }
        continue;
      }
      if (entry.image) {
        images.set(nodeId, { imageId: entry.image.imageId, unprotect });
        if (entry.image.ami !== cluster.aws.ami) {
          Annotations.of(scope).addWarningV2(
            `compose-cluster:pinnedImage${nodeId}`,
            `node ${nodeId} stays on ${entry.image.imageId} (pinned from aws.ami "${entry.image.ami}" in ${lockPath}); aws.ami is now "${cluster.aws.ami}". To move the node: ${UPGRADE_COMMAND} --node ${nodeId}`,
          );
        }
        continue;
      }
      resolved ??= lookupImage(scope, cluster.aws.ami, cluster.aws.ami_owners);
      images.set(nodeId, { imageId: resolved.imageId, unprotect });
      if (!resolved.pending && lock && props.updateLockFile !== false) {
        lock.setEntry(target, nodeId, { ...entry, image: { imageId: resolved.imageId, ami: cluster.aws.ami, pinnedAt: new Date().toISOString() } });
      }
    }
    return new NodeImagePins(images, lock, target, props.updateLockFile !== false);
  }

  private constructor(
    private readonly plans: Map<string, NodeLaunchPlan>,
    private readonly lock: ImageLockFile | undefined,
    private readonly target: string,
    private readonly update: boolean,
  ) {}

  /** The lock file, its target key and whether synth may write it; undefined without lock file. */
  public get lockTarget(): DataVolumeLock | undefined {
    return this.lock ? { lock: this.lock, target: this.target, update: this.update } : undefined;
  }

  /** The plan of one node of the config. */
  public planOf(nodeId: string): NodeLaunchPlan {
    return this.plans.get(nodeId) ?? { unprotect: false };
  }

  /**
   * Records what each node's instance is launched with, and warns when the
   * template now differs from the record in a way that restarts the node or
   * needs a replacement CloudFormation cannot do in place.
   */
  public checkLaunches(scope: Construct, nodes: readonly ComposeNode[], shared: NodeSharedSettings): void {
    const { lock, target, update } = this;
    if (!lock) return;
    const blockDevices = stableHash(JSON.stringify(blockDeviceMappings(shared)));
    for (const node of nodes) {
      const entry = lock.entry(target, node.nodeId);
      if (!node.instance || !node.userDataText || !entry.image) continue;
      const current: NodeLaunchRecord = {
        instanceType: shared.instanceType,
        ...(shared.keyName ? { keyName: shared.keyName } : {}),
        ebsOptimized: shared.ebsOptimized,
        blockDevices,
        userData: stableHash(node.userDataText),
      };
      if (!entry.launch) {
        if (update) lock.setEntry(target, node.nodeId, { ...entry, launch: current });
        continue;
      }
      const { restart, replace } = launchChanges(entry.launch, current);
      const how = `apply it node by node with ${UPGRADE_COMMAND} --node ${node.nodeId} --keep-image (or, after deploying it anyway, record it with --accept)`;
      if (replace.length > 0) {
        Annotations.of(scope).addWarningV2(
          `compose-cluster:launchReplace${node.nodeId}`,
          `node ${node.nodeId}: ${replace.join(', ')} changed since its instance was created; CloudFormation would have to replace the instance, which fails while its fixed IP is in use: ${how}`,
        );
      }
      if (restart.length > 0) {
        Annotations.of(scope).addWarningV2(
          `compose-cluster:launchRestart${node.nodeId}`,
          `node ${node.nodeId}: ${restart.join(', ')} changed since its instance was created; a deploy stops and starts it (every such node at once) and does not run user data again: ${how}`,
        );
      }
    }
  }

  /** Writes the lock file when a pin or record changed. */
  public save(): void {
    this.lock?.save();
  }
}
