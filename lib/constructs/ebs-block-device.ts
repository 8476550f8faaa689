/**
 * The EBS settings of a volume mapped at launch, shared by the fixed nodes'
 * instances and the ASG's launch template (their block-device types differ
 * only in what they can take beyond these: a launch template takes throughput).
 */
import { PlannedVolume } from './volume-plan';

/** EBS settings of a block-device mapping, in the shape both CfnInstance and CfnLaunchTemplate take. */
export interface EbsBlockDevice {
  /** Size in GiB. @default - the snapshot's or image's size */
  readonly volumeSize?: number;
  /** EBS volume type. @default - EC2's default (gp2) */
  readonly volumeType?: string;
  /** Provisioned IOPS (gp3, io1, io2). @default - the type's baseline */
  readonly iops?: number;
  /** EBS encryption. @default - the account's encryption-by-default setting */
  readonly encrypted?: boolean;
  /** KMS key of an encrypted volume. @default - the account's aws/ebs key */
  readonly kmsKeyId?: string;
  /** Delete the volume with the instance. @default - EC2's default (true) */
  readonly deleteOnTermination?: boolean;
  /** Snapshot to create the volume from. @default - none: a blank volume (or the image's for the root) */
  readonly snapshotId?: string;
}

/** `volume` (an EBS kind) as mapped at launch; `kmsKeyId` applies when it is encrypted. */
export function ebsBlockDevice(volume: PlannedVolume, kmsKeyId: string | undefined): EbsBlockDevice {
  return {
    volumeSize: volume.sizeGiB,
    volumeType: volume.volumeType,
    iops: volume.config.iops,
    encrypted: volume.encrypted,
    kmsKeyId: volume.encrypted ? kmsKeyId : undefined,
    deleteOnTermination: volume.config.delete_on_termination,
    snapshotId: volume.config.snapshot,
  };
}
