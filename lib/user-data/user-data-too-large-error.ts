/** EC2 accepts at most 16 KB of user data (before base64). */
export const USER_DATA_LIMIT_BYTES = 16384;

/**
 * Thrown at synth when a node's user data is over {@link USER_DATA_LIMIT_BYTES}
 * even compressed.
 */
export class UserDataTooLargeError extends Error {
  /** The node whose user data is too large. */
  public readonly nodeId: string;
  /** Bytes uncompressed (header with worst-case deploy-time values + body). */
  public readonly rawBytes: number;
  /** Bytes as a self-extracting compressed script. */
  public readonly compressedBytes: number;
  public readonly limitBytes = USER_DATA_LIMIT_BYTES;

  constructor(nodeId: string, rawBytes: number, compressedBytes: number) {
    super(
      `the user data of node ${nodeId} is ${rawBytes} bytes (${compressedBytes} bytes compressed); EC2 accepts at most ${USER_DATA_LIMIT_BYTES}. ` +
        'Make it smaller: install software and large files in the AMI (or download them at boot) instead of writing them from cluster.sh, ' +
        'shorten the templates and the compose files, and drop includes the nodes do not need. ' +
        '`compose-cluster user-data --node ' + nodeId + '` prints what the node receives.',
    );
    this.name = 'UserDataTooLargeError';
    this.nodeId = nodeId;
    this.rawBytes = rawBytes;
    this.compressedBytes = compressedBytes;
  }
}
