/**
 * Decides what each configured volume becomes on a node: the root device, a
 * block-device mapping that lives and dies with the instance, a standalone data
 * volume that outlives it, an instance-store (ephemeral) mapping, or nothing (nfs).
 */
import { ebsSizeGiB, VolumeConfig, volumeHoldsData } from '../config';
import { DEFAULT_ROOT_DEVICE } from './root-device';

/** What a configured volume becomes. */
export type VolumeKind =
  /** The AMI's root device (the volume without `block`, or named `root`): a block-device mapping. */
  | 'root'
  /** An EBS volume without a mount (e.g. the lvm2 docker volume): a block-device mapping. */
  | 'mapped'
  /** An EBS volume that holds data (has a mount): a standalone `AWS::EC2::Volume`. */
  | 'data'
  /** An instance-store volume (`ephemeral: true`): a block-device mapping with a virtual name. */
  | 'ephemeral'
  /** nfs/nfs4: mounted by the templates, no block device. */
  | 'none';

/** One volume as the node will get it. */
export interface PlannedVolume {
  /** The volume as configured. */
  readonly config: VolumeConfig;
  /** Index in `aws.volumes`, for messages. */
  readonly index: number;
  readonly kind: VolumeKind;
  /**
   * Device name (`block`, or the root device name for the root volume).
   * @default - none: nfs volumes, and ephemeral volumes without `block` (a reported problem)
   */
  readonly deviceName?: string;
  /**
   * Size in GiB.
   * @default - none: not an EBS kind, or an unusable size (a reported problem)
   */
  readonly sizeGiB?: number;
  /**
   * EBS volume type.
   * @default - none: not an EBS kind
   */
  readonly volumeType?: string;
  /**
   * Whether EBS encryption is on.
   * @default - none: not an EBS kind
   */
  readonly encrypted?: boolean;
  /**
   * Instance-store virtual name `ephemeralN`.
   * @default - none: not an ephemeral volume
   */
  readonly virtualName?: string;
}

/** The result of planning: volumes, and every problem found. */
export interface VolumePlan {
  readonly volumes: readonly PlannedVolume[];
  /** Problems as `[keyPath, message]`, key paths relative to `cluster.aws`. */
  readonly problems: readonly (readonly [string, string])[];
}

/** How volumes are planned. */
export interface VolumePlanOptions {
  /**
   * Device name of the AMI's root volume; overrides the root volume's `block`.
   * @default - the root volume's `block`, otherwise `/dev/xvda`
   */
  readonly rootDeviceName?: string;
  /** `aws.encrypted`: the default for volumes without `encrypted`. */
  readonly encryptByDefault: boolean;
  /** Type for volumes without `volume_type`. */
  readonly defaultVolumeType: string;
}

const IOPS_TYPES = new Set(['gp3', 'io1', 'io2']);

function kindOf(volume: VolumeConfig): VolumeKind {
  if (volume.file_system === 'nfs' || volume.file_system === 'nfs4') return 'none';
  if (volume.ephemeral) return 'ephemeral';
  if (!volume.block || volume.name === 'root') return 'root';
  return volumeHoldsData(volume) ? 'data' : 'mapped';
}

/** Plans every volume of `aws.volumes`; never throws, returns problems instead. */
export function planVolumes(volumes: readonly VolumeConfig[], options: VolumePlanOptions): VolumePlan {
  const problems: [string, string][] = [];
  const planned: PlannedVolume[] = [];
  const devices = new Map<string, number>();
  let ephemeralCount = 0;
  let rootIndex: number | undefined;

  volumes.forEach((volume, index) => {
    const at = `volumes[${index}]`;
    const kind = kindOf(volume);
    if (kind === 'none') {
      planned.push({ config: volume, index, kind });
      return;
    }
    if (kind === 'root') {
      if (rootIndex !== undefined) {
        problems.push([at, `volume "${volume.name}" has no \`block\`, so it would be the root volume, but volumes[${rootIndex}] already is; give it a device name such as /dev/xvdf`]);
        return;
      }
      rootIndex = index;
    }
    const deviceName = kind === 'root' ? options.rootDeviceName ?? volume.block ?? DEFAULT_ROOT_DEVICE : volume.block;
    if (deviceName) {
      const other = devices.get(deviceName);
      if (other !== undefined) problems.push([`${at}.block`, `device ${deviceName} is already used by volumes[${other}]; every volume needs its own device name`]);
      devices.set(deviceName, index);
    }
    if (kind === 'ephemeral') {
      const virtualName = /^ephemeral\d+$/.test(volume.name) ? volume.name : `ephemeral${ephemeralCount}`;
      ephemeralCount++;
      if (!deviceName) problems.push([`${at}.block`, `ephemeral volume "${volume.name}" needs a \`block\` device name such as /dev/xvdb`]);
      planned.push({ config: volume, index, kind, deviceName, virtualName });
      return;
    }

    const sizeGiB = ebsSizeGiB(volume.size);
    if (sizeGiB === undefined) {
      problems.push([`${at}.size`, `"${volume.size}" is not a usable EBS size: EBS volumes are whole GiB, at least 1G (M sizes are divided by 1000 and rounded down, as the original did)`]);
    }
    const volumeType = volume.volume_type ?? options.defaultVolumeType;
    if (volume.iops !== undefined && !IOPS_TYPES.has(volumeType)) {
      problems.push([`${at}.iops`, `iops applies to gp3, io1 and io2 volumes, not ${volumeType}`]);
    }
    if ((volumeType === 'io1' || volumeType === 'io2') && volume.iops === undefined) {
      problems.push([`${at}.iops`, `${volumeType} volumes need \`iops\``]);
    }
    if (volume.throughput !== undefined && volumeType !== 'gp3') {
      problems.push([`${at}.throughput`, `throughput applies to gp3 volumes only, not ${volumeType}`]);
    }
    planned.push({
      config: volume,
      index,
      kind,
      deviceName,
      sizeGiB,
      volumeType,
      encrypted: volume.encrypted ?? options.encryptByDefault,
    });
  });
  return { volumes: planned, problems };
}
