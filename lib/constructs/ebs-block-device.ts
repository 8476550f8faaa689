/**
 * The EBS settings of a volume mapped at launch, shared by the fixed nodes'
 * instances and the ASG's launch template (their block-device types differ
 * only in what they can take beyond these: a launch template takes throughput).
 */
import { PlannedVolume } from './volume-plan';

/** EBS settings of a block-device mapping, in the shape both CfnInstance and CfnLaunchTemplate take. */
export interface EbsBlockDevice {
  readonly volumeSize?: number;
  readonly volumeType?: string;
  readonly iops?: number;
  readonly encrypted?: boolean;
  readonly kmsKeyId?: string;
  readonly deleteOnTermination?: boolean;
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
