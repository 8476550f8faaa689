/**
 * The built-in disk setup: bash generated from `aws.volumes` that finds each
 * volume's device, builds LVM groups, creates filesystems only on blank
 * devices, writes fstab entries by UUID and mounts. Running it again, or on a
 * replacement instance that receives the same data volume, changes nothing.
 *
 * Volumes without `block` (the root volume) and nfs volumes get no setup.
 */
import { ConfigError, ConfigProblem, DOCKER_ROOT, isDockerRootVolume, LogicalVolumeConfig, mountPointProblem, normalizeMountPoint, VolumeConfig } from '../config';
import { pathWord, shellQuote } from './shell-quote';
import { CORE_FUNCTIONS } from './shell/core-functions';
import { DISK_FUNCTIONS } from './shell/disk-functions';
import { DOCKER_ROOT_FUNCTIONS } from './shell/docker-root-functions';
import { LVM_FUNCTIONS } from './shell/lvm-functions';
import { volumeIdVariableName } from './deploy-time-variables';

/** Mount options when a volume or logical volume gives none. */
export const DEFAULT_MOUNT_OPTIONS = 'defaults,noatime';

/** Seconds the setup waits for a volume's device to appear (overridable at boot with `CC_DEVICE_WAIT_SECONDS`). */
export const DEVICE_WAIT_SECONDS = 300;

/** The generated disk setup of a cluster's nodes. */
export interface DiskSetup {
  /** Bash function definitions the commands call. Empty when there is nothing to set up. */
  readonly functions: string;
  /** Defaults for the variables the functions read (`CC_DEVICE_WAIT_SECONDS`, `CC_FSTAB`). */
  readonly defaults: string;
  /** The commands, a block per volume. Empty when there is nothing to set up. */
  readonly commands: string;
  /** Names of the volumes it sets up, in config order. */
  readonly volumeNames: readonly string[];
}

/** Options for {@link planDiskSetup}. */
export interface DiskSetupOptions {
  /** The config file, for error messages. @default 'cloud-compose.yml' */
  readonly configFile?: string;
}

/** True when the disk setup touches this volume. */
export function needsDiskSetup(volume: VolumeConfig): boolean {
  if (!volume.block || volume.file_system === 'nfs' || volume.file_system === 'nfs4') return false;
  if (volume.file_system === 'lvm2') return true;
  return Boolean(volume.meta?.mount || volume.meta?.format);
}

/**
 * Generates the disk setup for `volumes`. Throws a `ConfigError` listing
 * every volume setting it cannot carry out.
 */
export function planDiskSetup(volumes: readonly VolumeConfig[], options: DiskSetupOptions = {}): DiskSetup {
  const problems = diskSetupProblems(volumes, options.configFile ?? 'cloud-compose.yml');
  if (problems.length > 0) throw new ConfigError(problems);
  const setUp = volumes.filter(needsDiskSetup);
  if (setUp.length === 0) return { functions: '', defaults: '', commands: '', volumeNames: [] };
  const usesLvm = setUp.some((volume) => volume.file_system === 'lvm2');
  const usesDockerRoot = setUp.some(isDockerRootVolume);
  return {
    functions: [DISK_FUNCTIONS, usesLvm ? LVM_FUNCTIONS : '', usesDockerRoot ? DOCKER_ROOT_FUNCTIONS : ''].join(''),
    defaults: `: "\${CC_DEVICE_WAIT_SECONDS:=${DEVICE_WAIT_SECONDS}}" "\${CC_FSTAB:=/etc/fstab}"\n`,
    commands: setUp.map(volumeCommands).join(''),
    volumeNames: setUp.map((volume) => volume.name),
  };
}

/**
 * A standalone bash script that runs only the disk setup for `volumes`:
 * volume ids come from `CC_VOLUME_ID_<name>` in the environment (empty: found
 * by device name). For running the setup outside a node's user data (tests in
 * a VM, manual runs).
 */
export function buildDiskSetupScript(volumes: readonly VolumeConfig[], options: DiskSetupOptions = {}): string {
  const setup = planDiskSetup(volumes, options);
  return [
    '#!/bin/bash',
    '# compose-cluster disk setup',
    'set -euo pipefail',
    'cc_detail=',
    `trap 'rc=$?; [ "$rc" -eq 0 ] || cc_log "disk setup failed (exit $rc)\${cc_detail:+: $cc_detail}"' EXIT`,
    setup.defaults + CORE_FUNCTIONS + setup.functions + setup.commands,
  ].join('\n');
}

function volumeCommands(volume: VolumeConfig): string {
  const block = volume.block as string;
  const label = `volume ${volume.name}`;
  const ephemeralIndex = volume.ephemeral ? (/^ephemeral(\d+)$/.exec(volume.name)?.[1] ?? '') : '';
  const lines = [
    `cc_detail=${shellQuote(`${label} (${block})`)}`,
    `cc_dev=$(cc_device ${pathWord(block)} "\${${volumeIdVariableName(volume.name)}:-}" ${shellQuote(ephemeralIndex)}) ||`,
    `  cc_die ${shellQuote(`${label}: no device for ${block} after`)}" $CC_DEVICE_WAIT_SECONDS s (Nitro instances need the volume id, nvme-cli or ebsnvme-id)"`,
  ];
  const meta = volume.meta;
  const options = meta?.options ?? DEFAULT_MOUNT_OPTIONS;
  if (volume.file_system === 'lvm2') {
    const group = meta?.group as string;
    const logicalVolumes = meta?.volumes ?? [];
    lines.push(`cc_vg "$cc_dev" ${shellQuote(group)}`);
    for (const lv of logicalVolumes) lines.push(`cc_lv ${shellQuote(group)} ${shellQuote(lv.name)} ${shellQuote(String(lv.size))}`);
    logicalVolumes.forEach((lv, index) => {
      const device = pathWord(`/dev/${group}/${lv.name}`);
      if (index === 0 && isDockerRootVolume(volume)) {
        lines.push(`cc_docker_root ${device} ${shellQuote(options)}`);
      } else if (lv.mount) {
        lines.push(`cc_fs ${shellQuote(`logical volume ${group}/${lv.name}`)} ${device} ${lv.file_system ?? 'xfs'} 1 ${pathWord(lv.mount)} ${shellQuote(logicalVolumeOptions(lv))}`);
      }
    });
  } else {
    const format = meta?.format ? '1' : '0';
    const fileSystem = volume.file_system ?? "''";
    lines.push(`cc_fs ${shellQuote(label)} "$cc_dev" ${fileSystem} ${format} ${meta?.mount ? pathWord(meta.mount) : "''"} ${shellQuote(options)}`);
  }
  return `${lines.join('\n')}\n`;
}

function logicalVolumeOptions(lv: LogicalVolumeConfig): string {
  return lv.options ?? DEFAULT_MOUNT_OPTIONS;
}

/** Settings the generated setup cannot carry out, with their key paths. */
function diskSetupProblems(volumes: readonly VolumeConfig[], file: string): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const mounts = new Map<string, string>();
  const problem = (path: string, message: string) => problems.push({ file, path: `cluster.aws.volumes${path}`, message, severity: 'error' });
  const claimMount = (path: string, mount: string) => {
    const unusable = mountPointProblem(mount);
    if (unusable !== undefined) {
      problem(path, unusable);
      return;
    }
    const normalized = normalizeMountPoint(mount);
    const first = mounts.get(normalized);
    if (first !== undefined) problem(path, `${normalized} is also the mount point of ${first}; expected one filesystem per mount point`);
    else mounts.set(normalized, `cluster.aws.volumes${path}`);
  };
  const checkOptions = (path: string, options: string | undefined) => {
    if (options !== undefined && !/^[^\s#'"\\]+$/.test(options)) {
      problem(path, `"${options}" cannot be fstab mount options: expected comma-separated options without spaces, quotes, # or backslashes, e.g. defaults,noatime`);
    }
  };

  const variables = new Map<string, string>();
  volumes.forEach((volume, index) => {
    if (!needsDiskSetup(volume)) return;
    // Each volume's setup finds its disk by this variable: two volumes sharing it would find one disk.
    const variable = volumeIdVariableName(volume.name);
    const other = variables.get(variable);
    if (other !== undefined) problem(`[${index}].name`, `volume names "${other}" and "${volume.name}" both become the shell variable ${variable}; expected names that differ in letters, digits or _`);
    else variables.set(variable, volume.name);
    const at = `[${index}]`;
    const meta = volume.meta;
    checkOptions(`${at}.meta.options`, meta?.options);
    if (volume.file_system === 'lvm2') {
      const logicalVolumes = meta?.volumes ?? [];
      if (!meta?.group) problem(`${at}.meta`, 'file_system lvm2 needs meta.group: the LVM volume group name, e.g. docker');
      if (logicalVolumes.length === 0) problem(`${at}.meta`, 'file_system lvm2 needs meta.volumes: the logical volumes ({name, size}) to create');
      if (meta?.docker_root === true && logicalVolumes[0]?.mount) {
        problem(`${at}.meta.volumes[0].mount`, `with meta.docker_root the first logical volume is mounted at ${DOCKER_ROOT}; remove its mount or set docker_root: false`);
      }
      if (isDockerRootVolume(volume) && logicalVolumes.length > 0) claimMount(`${at}.meta.docker_root`, DOCKER_ROOT);
      logicalVolumes.forEach((lv, lvIndex) => {
        if (lvIndex === 0 && isDockerRootVolume(volume)) return;
        if (lv.mount) claimMount(`${at}.meta.volumes[${lvIndex}].mount`, lv.mount);
        checkOptions(`${at}.meta.volumes[${lvIndex}].options`, lv.options);
      });
      return;
    }
    if (meta?.docker_root === true) problem(`${at}.meta.docker_root`, `docker_root applies to file_system lvm2 volumes, not ${volume.file_system ?? 'a volume without file_system'}`);
    if (meta?.format && volume.file_system !== 'ext4' && volume.file_system !== 'xfs') {
      problem(`${at}.meta.format`, `meta.format needs file_system ext4 or xfs to know which filesystem to create (found ${volume.file_system ?? 'no file_system'})`);
    }
    if (meta?.mount) claimMount(`${at}.meta.mount`, meta.mount);
  });
  return problems;
}
