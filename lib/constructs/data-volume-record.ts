/**
 * What the lock file records about a standalone data volume: the properties of
 * `AWS::EC2::Volume` whose change makes CloudFormation replace the volume (a new
 * blank volume; the old one is snapshotted and deleted). Size, IOPS, throughput
 * and volume type update in place and are not recorded.
 */

/** The replacement-only properties of a data volume as first synthesized. */
export interface DataVolumeRecord {
  /** `AvailabilityZone`: where the volume was created. */
  readonly availabilityZone: string;
  /**
   * `SnapshotId`: the snapshot it was created from.
   * @default - none: a blank volume
   */
  readonly snapshotId?: string;
  /** `Encrypted`. */
  readonly encrypted: boolean;
  /**
   * `KmsKeyId` (a key ARN, or the CloudFormation expression of a key made in the app).
   * @default - none: the account's aws/ebs key when encrypted
   */
  readonly kmsKeyId?: string;
}

/** One property that differs between the record and the template. */
export interface DataVolumeChange {
  readonly property: 'AvailabilityZone' | 'SnapshotId' | 'Encrypted' | 'KmsKeyId';
  readonly recorded: string;
  readonly current: string;
}

/** The differences between a recorded volume and the current one (AZ left out when `azKnown` is false). */
export function dataVolumeChanges(recorded: DataVolumeRecord, current: DataVolumeRecord, azKnown: boolean): DataVolumeChange[] {
  const changes: DataVolumeChange[] = [];
  const show = (value: string | boolean | undefined) => (value === undefined ? 'none' : String(value));
  if (azKnown && recorded.availabilityZone !== current.availabilityZone) {
    changes.push({ property: 'AvailabilityZone', recorded: recorded.availabilityZone, current: current.availabilityZone });
  }
  if ((recorded.snapshotId ?? '') !== (current.snapshotId ?? '')) {
    changes.push({ property: 'SnapshotId', recorded: show(recorded.snapshotId), current: show(current.snapshotId) });
  }
  if (recorded.encrypted !== current.encrypted) {
    changes.push({ property: 'Encrypted', recorded: show(recorded.encrypted), current: show(current.encrypted) });
  } else if (current.encrypted && (recorded.kmsKeyId ?? '') !== (current.kmsKeyId ?? '')) {
    changes.push({ property: 'KmsKeyId', recorded: show(recorded.kmsKeyId ?? 'aws/ebs'), current: show(current.kmsKeyId ?? 'aws/ebs') });
  }
  return changes;
}
