/**
 * The values a node's user data only gets at deploy time (CloudFormation
 * tokens): they live in a small header of shell assignments, so the rest of
 * the script is fixed at synth and can be compressed.
 */

/** A shell variable the user-data header defines from a deploy-time value. */
export interface DeployTimeVariable {
  /** Shell variable name, e.g. `CC_SIGNAL_URL`. */
  readonly name: string;
  /** What the value is, for the readable script and error messages (no quotes in it). */
  readonly description: string;
  /** Longest value expected, in bytes: the size check counts the header with values this long. */
  readonly worstCaseLength: number;
}

/** The wait-condition handle URL the completion signal is sent to. */
export const SIGNAL_URL_VARIABLE = 'CC_SIGNAL_URL';

/**
 * A presigned wait-condition URL holds the stack name (up to 128 characters),
 * two UUIDs, the handle's logical id and the signature query: about 600
 * characters for typical names; 1024 leaves room for long ones.
 */
export const SIGNAL_URL_WORST_CASE_LENGTH = 1024;

/** `vol-` and 17 hex digits. */
export const VOLUME_ID_WORST_CASE_LENGTH = 21;

/** The variable holding the EBS volume id of the volume named `volumeName`: `CC_VOLUME_ID_<name>`, non-word characters as `_`. */
export function volumeIdVariableName(volumeName: string): string {
  return `CC_VOLUME_ID_${volumeName.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/** The signal URL variable. */
export function signalUrlVariable(): DeployTimeVariable {
  return {
    name: SIGNAL_URL_VARIABLE,
    description: "wait-condition handle URL that receives the completion signal (Ref of the node AWS::CloudFormation::WaitConditionHandle); empty: no signal",
    worstCaseLength: SIGNAL_URL_WORST_CASE_LENGTH,
  };
}

/** The volume-id variable of one volume. */
export function volumeIdVariable(volumeName: string, block: string): DeployTimeVariable {
  return {
    name: volumeIdVariableName(volumeName),
    description: `EBS volume id of volume ${volumeName} (${block}): finds its NVMe device by serial number on Nitro instances; empty: found by device name`,
    worstCaseLength: VOLUME_ID_WORST_CASE_LENGTH,
  };
}
