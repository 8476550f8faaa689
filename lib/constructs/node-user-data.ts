/**
 * The one place where a node's boot script is produced: lib/user-data's
 * `buildNodeUserData` (disk setup, compose files, cluster.sh, compose start,
 * completion signal), with the deploy-time values the construct owns: the
 * wait-condition URL and the ids of the standalone data volumes.
 */
import { LoadedConfig } from '../config';
import { buildNodeUserData, SIGNAL_URL_VARIABLE, volumeIdVariableName } from '../user-data';

/** Everything a boot script may need about the node it runs on. */
export interface NodeUserDataInput {
  /** The loaded config. */
  readonly config: LoadedConfig;
  /** `_node_id`: the node id, or the cluster name in ASG mode. */
  readonly nodeId: string | number;
  /** The image the node boots (`aws.ami` for templates). May be a token in ASG mode. */
  readonly imageId: string;
  /** Environment variables templates see. @default process.env */
  readonly env?: Record<string, string | undefined>;
  /**
   * Pre-signed URL of the node's wait-condition handle (a deploy-time token):
   * PUT `{"Status":"SUCCESS",...}` to it when the node is ready.
   * @default - none: ASG mode has no per-instance wait condition
   */
  readonly signalUrl?: string;
  /** Volume name -> EBS volume id (deploy-time tokens) of the node's data volumes. */
  readonly volumeIds: Readonly<Record<string, string>>;
  /**
   * Reports something the user should know about the node's boot (e.g. its
   * compose services will not start): shown as a synth warning on the node.
   */
  readonly warn: (message: string) => void;
}

/**
 * Produces a node's user-data text (raw, before base64). The text may contain
 * CDK tokens (the signal URL, volume ids). Keep it under 16 KB.
 */
export type NodeUserDataProvider = (input: NodeUserDataInput) => string;

/**
 * The node's user data from lib/user-data. `volumeIdsFor` names exactly the
 * construct's standalone data volumes, so the script asks for the ids the
 * construct supplies and finds the others (mapped volumes) by device name.
 */
export const defaultNodeUserData: NodeUserDataProvider = (input) => {
  const built = buildNodeUserData(input.config, {
    nodeId: input.nodeId,
    amiId: input.imageId,
    env: input.env,
    volumeIdsFor: Object.keys(input.volumeIds),
  });
  built.warnings.forEach(input.warn);
  return built.render({
    [SIGNAL_URL_VARIABLE]: input.signalUrl ?? '', // empty in ASG mode: no signal
    ...Object.fromEntries(Object.entries(input.volumeIds).map(([name, id]) => [volumeIdVariableName(name), id])),
  });
};
