/**
 * Volumes too large for the test VM, scaled down together with the config.
 *
 * A disk image is a sparse file of the configured size, but a volume of tens
 * of TiB (gp3 and io2 allow 64 TiB) cannot be one: the host's ext4 caps a
 * file at 16 TiB, and mkfs writes metadata that grows with the size (xfs's log
 * reaches 2 GiB from 4 TiB, ext4 writes a 1 GiB journal and group descriptor
 * backups of tens of MiB per TiB), which is slow under TCG. Such a volume gets
 * a smaller disk. LVM logical volume sizes go verbatim from the config to
 * `lvcreate -L`, so the disk alone cannot shrink: the harness runs the user
 * data of a scaled copy of the config, in which the volume's size and its
 * logical volumes' sizes are divided by the same factor (see docs/vm-tests.md).
 */
import { LoadedConfig, VolumeConfig } from '../../../lib/config';
import { ebsSizeGiB, LVM_EXTENT_BYTES, lvmExtentsFor, lvmExtentsOnDisk, lvmSizeBytes } from '../../../lib/config/sizes';

const MIB = 1024 ** 2;

/**
 * Volumes up to this size get a disk of their configured size, so ordinary
 * configs' LVM layouts run verbatim. At 1 TiB mkfs still writes at most a
 * 512 MiB xfs log or a 1 GiB ext4 journal; beyond it the cost keeps growing.
 */
export const VM_DISK_LIMIT_GIB = 1024;

/**
 * What a larger volume becomes: the size class of the other scenarios'
 * volumes (the example's 100 GiB), where mkfs writes a small log/journal.
 */
export const VM_SCALED_DISK_GIB = 64;

/**
 * The smallest size a scaled logical volume gets (a smaller configured size
 * is kept): mkfs.xfs refuses filesystems under 300 MB (xfsprogs 5.19+).
 */
export const VM_MIN_LOGICAL_VOLUME_BYTES = 512 * MIB;

/** How one volume was scaled for the VM. */
export interface VolumeScaling {
  readonly volume: string;
  /** The size as written in the config, e.g. `40T`. */
  readonly configuredSize: string;
  readonly configuredGiB: number;
  /** The disk's size in the VM. */
  readonly vmGiB: number;
  /** Each logical volume's size: as configured and as given to lvcreate in the VM. */
  readonly logicalVolumes: readonly { readonly name: string; readonly configuredSize: string; readonly vmSize: string }[];
}

export interface VmScaledConfig {
  /** The config the user data is generated from: the scaled volumes' sizes replaced. */
  readonly config: LoadedConfig;
  /** One entry per scaled volume, in config order (empty when nothing needed scaling). */
  readonly scaled: readonly VolumeScaling[];
}

export interface VmScalingOptions {
  /** @default VM_DISK_LIMIT_GIB */
  readonly limitGiB?: number;
  /** @default VM_SCALED_DISK_GIB */
  readonly scaledGiB?: number;
}

/** Whether the harness makes a disk for this volume (an EBS volume with a device name). */
export function hasVmDisk(volume: VolumeConfig): boolean {
  return Boolean(volume.block) && !volume.ephemeral && volume.file_system !== 'nfs' && volume.file_system !== 'nfs4';
}

/**
 * A copy of `config` in which every disk-backed volume larger than
 * `limitGiB` is `scaledGiB` and its logical volumes are scaled by the same
 * factor, each rounded down to whole 4 MiB extents (so together they still
 * fit) but not below VM_MIN_LOGICAL_VOLUME_BYTES; when those minimums need
 * more room the disk is made just large enough. Nothing else changes.
 */
export function scaleConfigForVm(config: LoadedConfig, options: VmScalingOptions = {}): VmScaledConfig {
  const limitGiB = options.limitGiB ?? VM_DISK_LIMIT_GIB;
  const scaledGiB = options.scaledGiB ?? VM_SCALED_DISK_GIB;
  const scaled: VolumeScaling[] = [];
  const volumes = config.cluster.aws.volumes.map((volume) => {
    const configuredGiB = ebsSizeGiB(volume.size);
    if (!hasVmDisk(volume) || configuredGiB === undefined || configuredGiB <= limitGiB) return volume;
    const scaling = scaleVolume(volume, configuredGiB, Math.min(scaledGiB, configuredGiB));
    scaled.push(scaling);
    return withScaling(volume, scaling);
  });
  if (scaled.length === 0) return { config, scaled };
  const clusterData = scaleClusterData(config.clusterData, scaled);
  return {
    config: { ...config, cluster: { ...config.cluster, aws: { ...config.cluster.aws, volumes } }, clusterData },
    scaled,
  };
}

/** One line per scaled volume, e.g. `volume data: 40T configured, 64G in the VM`. */
export function describeScaling(scaled: readonly VolumeScaling[]): string[] {
  return scaled.map((scaling) => {
    const lvs = scaling.logicalVolumes.map((lv) => `${lv.name} ${lv.configuredSize} -> ${lv.vmSize}`);
    return `volume ${scaling.volume}: ${scaling.configuredSize} configured, ${scaling.vmGiB}G in the VM${lvs.length ? ` (logical volumes ${lvs.join(', ')})` : ''}`;
  });
}

function scaleVolume(volume: VolumeConfig, configuredGiB: number, targetGiB: number): VolumeScaling {
  const logicalVolumes = volume.meta?.volumes ?? [];
  const sizes = logicalVolumes.map((lv) => {
    const bytes = lvmSizeBytes(lv.size);
    if (bytes === undefined) throw new Error(`volume ${volume.name}: logical volume ${lv.name} has no lvcreate size (${lv.size})`);
    const proportional = Math.floor((bytes * targetGiB) / configuredGiB / LVM_EXTENT_BYTES) * LVM_EXTENT_BYTES;
    return Math.max(proportional, Math.min(bytes, VM_MIN_LOGICAL_VOLUME_BYTES));
  });
  const extents = sizes.reduce((sum, bytes) => sum + lvmExtentsFor(bytes), 0);
  let vmGiB = targetGiB;
  while (lvmExtentsOnDisk(vmGiB) < extents) vmGiB += 1;
  return {
    volume: volume.name,
    configuredSize: String(volume.size),
    configuredGiB,
    vmGiB,
    logicalVolumes: logicalVolumes.map((lv, index) => ({ name: lv.name, configuredSize: String(lv.size), vmSize: lvmSizeText(sizes[index]) })),
  };
}

/** An lvcreate -L size: whole MiB (M is binary for lvcreate). */
function lvmSizeText(bytes: number): string {
  return `${Math.ceil(bytes / MIB)}M`;
}

function withScaling<T extends { size?: unknown; meta?: unknown }>(volume: T, scaling: VolumeScaling): T {
  const meta = volume.meta as { volumes?: { name?: unknown }[] } | undefined;
  return {
    ...volume,
    size: `${scaling.vmGiB}G`,
    ...(meta?.volumes ? {
      meta: {
        ...meta,
        volumes: meta.volumes.map((lv, index) => ({ ...lv, size: scaling.logicalVolumes[index]?.vmSize ?? (lv as { size?: unknown }).size })),
      },
    } : {}),
  };
}

/** The same sizes in the `cluster:` data templates see. */
function scaleClusterData(clusterData: Record<string, unknown>, scaled: readonly VolumeScaling[]): Record<string, unknown> {
  const aws = clusterData.aws as { volumes?: unknown } | undefined;
  if (!aws || !Array.isArray(aws.volumes)) return clusterData;
  const volumes = aws.volumes.map((volume: unknown) => {
    const name = (volume as { name?: unknown } | null)?.name;
    const scaling = scaled.find((candidate) => candidate.volume === name);
    return scaling ? withScaling(volume as { size?: unknown; meta?: unknown }, scaling) : volume;
  });
  return { ...clusterData, aws: { ...aws, volumes } };
}
