/**
 * The one place where a node's boot script is produced.
 *
 * INTEGRATION POINT for lib/user-data (helper "userdata"): once
 * `buildNodeUserData` is on main, replace the body of `defaultNodeUserData` with
 *
 *   import { buildNodeUserData, volumeIdVariableName } from '../user-data';
 *
 *   const built = buildNodeUserData(input.config, {
 *     nodeId: input.nodeId,
 *     amiId: input.imageId,
 *     env: input.env,
 *     volumeIdsFor: Object.keys(input.volumeIds), // the construct's standalone data volumes
 *   });
 *   return built.render({
 *     CC_SIGNAL_URL: input.signalUrl ?? '', // empty in ASG mode: no signal
 *     ...Object.fromEntries(Object.entries(input.volumeIds).map(([name, id]) => [volumeIdVariableName(name), id])),
 *   });
 *
 * (`built.warnings` can go to `Annotations.of(cluster).addWarningV2`.)
 */
import { LoadedConfig } from '../config';

/** Everything a boot script may need about the node it runs on. */
export interface NodeUserDataInput {
  /** The loaded config. */
  readonly config: LoadedConfig;
  /** `_node_id`: the node id, or the cluster name in ASG mode. */
  readonly nodeId: string | number;
  /** The image the node boots (`aws.ami` for templates). May be a token in ASG mode. */
  readonly imageId: string;
  /** Environment variables templates see. */
  readonly env?: Record<string, string | undefined>;
  /**
   * Pre-signed URL of the node's wait-condition handle (a deploy-time token):
   * PUT `{"Status":"SUCCESS",...}` to it when the node is ready.
   * Undefined in ASG mode (no per-instance wait condition).
   */
  readonly signalUrl?: string;
  /** Volume name -> EBS volume id (deploy-time tokens) of the node's data volumes. */
  readonly volumeIds: Readonly<Record<string, string>>;
}

/**
 * Produces a node's user-data text (raw, before base64). The text may contain
 * CDK tokens (the signal URL, volume ids). Keep it under 16 KB.
 */
export type NodeUserDataProvider = (input: NodeUserDataInput) => string;

/**
 * Placeholder boot script until lib/user-data is integrated: reports success to
 * the wait condition and nothing else.
 */
export const defaultNodeUserData: NodeUserDataProvider = (input) => {
  const lines = ['#!/bin/bash', `# compose-cluster node ${input.nodeId} of ${input.config.cluster.name}`, 'set -euo pipefail'];
  if (input.signalUrl) {
    const body = JSON.stringify({ Status: 'SUCCESS', Reason: 'boot script finished', UniqueId: String(input.nodeId), Data: 'ready' });
    lines.push(`curl -fsS --retry 10 -X PUT -H 'Content-Type:' --data-binary '${body}' '${input.signalUrl}'`);
  }
  return `${lines.join('\n')}\n`;
};
