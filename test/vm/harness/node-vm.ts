/**
 * Runs a node's complete generated user data in the test guest: attaches a
 * disk per configured volume (as a Xen or a Nitro instance shows it), fills in
 * the deploy-time values the construct would supply, and boots.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { LoadedConfig, VolumeConfig } from '../../../lib/config';
import { ebsSizeGiB } from '../../../lib/config/sizes';
import { buildNodeUserData, NodeUserData, SIGNAL_URL_VARIABLE, volumeIdVariableName } from '../../../lib/user-data';
import { createDiskImage, GIB } from './disk-images';
import { DiskAttachment, GuestDisk, GuestRun, GuestRunOptions, runGuest } from './run-guest';
import { hasVmDisk, scaleConfigForVm, VolumeScaling } from './vm-scaling';

/** How the instance type presents EBS volumes. */
export type InstanceStyle =
  /** Xen (t2, m4, ...): `/dev/xvdX` block devices; a requested `/dev/sdX` shows as `/dev/xvdX`. */
  | 'xen'
  /** Nitro (m5, m6i, t3, ...): NVMe namespaces in any order, serial = volume id. */
  | 'nitro';

/** The presigned wait-condition URL the construct would pass (the curl shim accepts this host). */
export const SIGNAL_URL_PREFIX = 'https://cloudformation-waitcondition-us-east-1.s3.amazonaws.com/';
export const SIGNAL_URL = `${SIGNAL_URL_PREFIX}arn%3Aaws%3Acloudformation%3Aus-east-1%3A123456789012%3Astack/cc-test/0f1e2d3c/Node0Handle?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=86399&X-Amz-Signature=0123abcd`;

/** One configured volume and the disk that stands for it. */
export interface NodeDisk {
  /** The volume as the VM has it: scaled down when the configured size is too large (see vm-scaling.ts). */
  readonly volume: VolumeConfig;
  /** How the volume was scaled down for the VM; undefined when the disk has the configured size. */
  readonly scaling?: VolumeScaling;
  readonly volumeId: string;
  readonly image: string;
  readonly sizeBytes: number;
  readonly attachment: DiskAttachment;
}

export interface NodeDiskOptions {
  readonly style: InstanceStyle;
  /** Folder for the disk images; existing images are reused (a later boot over the same volumes). */
  readonly dir: string;
}

/**
 * A disk image for every EBS volume with a device name (not nfs, not
 * instance store), sized as configured: sparse files, so a 100 GiB volume
 * costs only the blocks written; a volume over 1 TiB is scaled down, as
 * `runNodeUserData` scales the config (see docs/vm-tests.md).
 */
export function nodeDisks(config: LoadedConfig, options: NodeDiskOptions): NodeDisk[] {
  fs.mkdirSync(options.dir, { recursive: true });
  const { config: vmConfig, scaled } = scaleConfigForVm(config);
  return vmConfig.cluster.aws.volumes
    .filter(hasVmDisk)
    .map((volume) => {
      const block = volume.block as string;
      const sizeBytes = (ebsSizeGiB(volume.size) ?? 1) * GIB;
      const image = path.join(options.dir, `${volume.name}.img`);
      if (!fs.existsSync(image)) createDiskImage(image, sizeBytes);
      const volumeId = fakeVolumeId(`${config.cluster.name}/${volume.name}`);
      const attachment: DiskAttachment = options.style === 'xen'
        ? { kind: 'xen', device: xenDeviceName(block) }
        : { kind: 'nvme', volumeId, requestedDevice: block };
      const scaling = scaled.find((candidate) => candidate.volume === volume.name);
      return { volume, ...(scaling ? { scaling } : {}), volumeId, image, sizeBytes, attachment };
    });
}

/** A requested `/dev/sdX` appears as `/dev/xvdX` on Xen instances with current kernels. */
export function xenDeviceName(block: string): string {
  return block.replace(/^\/dev\/sd/, '/dev/xvd').replace(/^(sd|xvd)/, '/dev/xvd');
}

/** A stable EBS-style volume id (`vol-` and 17 hex digits) for a name. */
export function fakeVolumeId(name: string): string {
  return `vol-0${createHash('sha256').update(name).digest('hex').slice(0, 16)}`;
}

export interface NodeRunOptions extends Omit<GuestRunOptions, 'userData' | 'disks' | 'signalUrlPrefixes'> {
  readonly config: LoadedConfig;
  readonly nodeId: string | number;
  readonly disks: readonly NodeDisk[];
  /** Environment the config and templates are rendered with. @default {} */
  readonly env?: Record<string, string | undefined>;
  /** Names of volumes whose disk is never attached. @default none */
  readonly detached?: readonly string[];
  /** Volumes attached after boot: name -> milliseconds after the user data starts (Nitro only). @default none */
  readonly attachedLate?: Readonly<Record<string, number>>;
}

export interface NodeRun extends GuestRun {
  readonly userData: NodeUserData;
  /** The volumes scaled down for the VM (the user data was generated with their scaled sizes). */
  readonly scaled: readonly VolumeScaling[];
  /** The rendered user data that ran. */
  readonly script: string;
}

/**
 * Generates node `nodeId`'s user data, renders it with the deploy-time values,
 * and runs it in the guest. Volumes too large for the VM are scaled down in a
 * copy of the config the user data is generated from, as `nodeDisks` sized
 * their disks, so lvcreate's sizes fit the disks.
 */
export async function runNodeUserData(options: NodeRunOptions): Promise<NodeRun> {
  const { config: configured, nodeId, disks, env, detached, attachedLate, ...guest } = options;
  const { config, scaled } = scaleConfigForVm(configured);
  const userData = buildNodeUserData(config, { nodeId, env: env ?? {} });
  const values: Record<string, string> = {};
  for (const variable of userData.deployTimeVariables) {
    if (variable.name === SIGNAL_URL_VARIABLE) {
      values[variable.name] = SIGNAL_URL;
      continue;
    }
    const disk = disks.find((candidate) => volumeIdVariableName(candidate.volume.name) === variable.name);
    if (!disk) throw new Error(`the harness has no value for the deploy-time variable ${variable.name}`);
    values[variable.name] = disk.volumeId;
  }
  const script = userData.render(values);
  const attached = disks.filter((disk) => !(detached ?? []).includes(disk.volume.name));
  const run = await runGuest({
    ...guest,
    userData: script,
    // Device order is not the config's on Nitro: attach in reverse so the first volume is not nvme0n1.
    disks: attached.map((disk): GuestDisk => ({
      image: disk.image, attachment: disk.attachment, attachAfterUserDataStartsMs: attachedLate?.[disk.volume.name],
    })).reverse(),
    signalUrlPrefixes: [SIGNAL_URL_PREFIX],
  });
  return { ...run, userData, script, scaled };
}
