/**
 * Rules across `aws.volumes`: unique names (also as shell variables), devices
 * and mount points, one root volume, usable EBS sizes and performance
 * settings, complete LVM groups whose logical volumes fit.
 */
import { volumeIdVariableName } from '../user-data/deploy-time-variables';
import { describeValue } from './describe-value';
import { deviceKey } from './device-names';
import { DOCKER_ROOT, isDockerRootVolume } from './docker-root';
import { mountPointProblem, normalizeMountPoint } from './mount-points';
import { formatKeyPath } from './yaml-positions';
import { DEFAULT_VOLUME_TYPE, EBS_LIMITS, GP3_BASELINE_IOPS } from './ebs-limits';
import { isRawMap, listOrEmpty, mapOrEmpty, RawMap } from './raw-data';
import { RawProblem } from './raw-problem';
import { ebsSizeGiB, ebsSizeProblem, lvmExtentsFor, lvmExtentsOnDisk, lvmSizeBytes, SIZE_PATTERN } from './sizes';

const DEFAULT_SIZE = '10G';

/** Problems in `cluster.aws.volumes` (raw, unvalidated data). */
export function volumeRules(cluster: RawMap): RawProblem[] {
  const volumes = listOrEmpty(mapOrEmpty(cluster.aws).volumes);
  const problems: RawProblem[] = [];
  const names = new Map<string, number>();
  const variables = new Map<string, number>();
  const blocks = new Map<string, number>();
  const mounts = new Map<string, string>();
  const groups = new Map<string, number>();
  const rootLike: number[] = [];

  volumes.forEach((volume, index) => {
    if (!isRawMap(volume)) return;
    const path = ['cluster', 'aws', 'volumes', index];
    const error = (key: (string | number)[], message: string) => problems.push({ path: [...path, ...key], message, severity: 'error' });
    const ephemeral = volume.ephemeral === true;
    const nfs = volume.file_system === 'nfs' || volume.file_system === 'nfs4';

    if (typeof volume.name === 'string') {
      const first = names.get(volume.name);
      if (first !== undefined) error(['name'], `duplicate volume name "${volume.name}": volumes[${first}] has it too; expected unique names`);
      else names.set(volume.name, index);
      // The user data finds each volume by a shell variable named after it.
      const variable = volumeIdVariableName(volume.name);
      const sameVariable = variables.get(variable);
      if (first === undefined && sameVariable !== undefined) {
        const other = String(mapOrEmpty(volumes[sameVariable]).name);
        error(['name'], `volume name "${volume.name}" and "${other}" (volumes[${sameVariable}]) both become the shell variable ${variable} (characters other than letters, digits and _ turn into _), so one volume's setup would find the other's disk; expected names that differ in letters, digits or _`);
      } else if (first === undefined) {
        variables.set(variable, index);
      }
    }
    if (typeof volume.block === 'string') {
      const first = blocks.get(deviceKey(volume.block));
      if (first !== undefined) {
        const other = String(mapOrEmpty(volumes[first]).block);
        const same = other === volume.block ? '' : ` (${other} and ${volume.block} are one disk: Xen instances show /dev/sdX as /dev/xvdX)`;
        error(['block'], `duplicate device "${volume.block}": volumes[${first}] is attached there too${same}; expected one volume per device`);
      } else {
        blocks.set(deviceKey(volume.block), index);
      }
    }
    if (volume.block !== undefined && !nfs) {
      for (const [key, mount] of mountPointsOf(volume)) {
        const at = [...path, ...key];
        // Relative paths are reported by the schema.
        const problem = typeof mount === 'string' && mount.startsWith('/') ? mountPointProblem(mount) : undefined;
        if (problem !== undefined) {
          error(key, problem);
        } else if (typeof mount === 'string' && mount.startsWith('/')) {
          const normalized = normalizeMountPoint(mount);
          const first = mounts.get(normalized);
          if (first !== undefined) error(key, `${normalized} is also the mount point of ${first}; expected one filesystem per mount point`);
          else mounts.set(normalized, formatKeyPath(at));
        }
      }
    }

    if (ephemeral) {
      if (typeof volume.name === 'string' && !/^ephemeral\d+$/.test(volume.name)) {
        error(['name'], `an instance store volume is named after its virtual device: expected ephemeral0, ephemeral1, ...; found "${volume.name}"`);
      }
      if (volume.block === undefined) error([], 'an instance store volume (ephemeral: true) needs block: the device name to map it to, e.g. /dev/xvdb');
    } else if (!nfs) {
      if (volume.block === undefined) rootLike.push(index);
      problems.push(...ebsRules(volume, path));
    }

    if (volume.file_system === 'lvm2') {
      const meta = mapOrEmpty(volume.meta);
      if (typeof meta.group !== 'string' || meta.group === '') {
        error(['meta'], 'file_system lvm2 needs meta.group: the LVM volume group name (vgcreate), e.g. docker');
      } else {
        const first = groups.get(meta.group);
        if (first !== undefined) error(['meta', 'group'], `duplicate volume group "${meta.group}": volumes[${first}] creates it too; expected one volume per group`);
        else groups.set(meta.group, index);
      }
      if (!Array.isArray(meta.volumes) || meta.volumes.length === 0) {
        error(['meta'], 'file_system lvm2 needs meta.volumes: a list of logical volumes ({name, size}) to create in the group');
      } else if (!ephemeral) {
        problems.push(...logicalVolumeRules(volume, meta.volumes, path));
      }
    }
  });

  if (rootLike.length > 1) {
    for (const index of rootLike.slice(1)) {
      problems.push({
        path: ['cluster', 'aws', 'volumes', index],
        severity: 'error',
        message: `only one volume may leave out block (it is the AMI's root device, like volumes[${rootLike[0]}]); expected block: /dev/xvd? for this one`,
      });
    }
  }
  return problems;
}

/**
 * The mount points the disk setup creates for a volume, by key path below the
 * volume: `meta.mount`, each logical volume's `mount`, and Docker's storage
 * for an lvm2 group used as Docker root (`meta.docker_root`, by default the
 * group `docker` when no logical volume has a mount).
 */
function mountPointsOf(volume: RawMap): [(string | number)[], unknown][] {
  const meta = mapOrEmpty(volume.meta);
  if (volume.file_system !== 'lvm2') return meta.mount === undefined ? [] : [[['meta', 'mount'], meta.mount]];
  const logicalVolumes = listOrEmpty(meta.volumes).map(mapOrEmpty);
  const dockerRoot = isDockerRootVolume({ file_system: volume.file_system, meta: { ...meta, volumes: logicalVolumes } });
  const mounts: [(string | number)[], unknown][] = dockerRoot && logicalVolumes.length > 0 ? [[['meta', 'docker_root'], DOCKER_ROOT]] : [];
  logicalVolumes.forEach((lv, index) => {
    if (!(dockerRoot && index === 0) && lv.mount !== undefined) mounts.push([['meta', 'volumes', index, 'mount'], lv.mount]);
  });
  return mounts;
}


/** Size, iops and throughput of one EBS volume against its type's limits. */
function ebsRules(volume: RawMap, path: (string | number)[]): RawProblem[] {
  const problems: RawProblem[] = [];
  const error = (key: string, message: string) => problems.push({ path: [...path, key], message, severity: 'error' });
  const type = typeof volume.volume_type === 'string' ? volume.volume_type : DEFAULT_VOLUME_TYPE;
  const limits = EBS_LIMITS[type];
  const written = volume.size ?? DEFAULT_SIZE;
  const validSyntax = (typeof written === 'string' && SIZE_PATTERN.test(written)) || (typeof written === 'number' && written > 0);
  const sizeProblem = validSyntax ? ebsSizeProblem(written as string | number) : undefined;
  if (sizeProblem) problems.push({ path: [...path, 'size'], ...sizeProblem });
  const gib = validSyntax ? ebsSizeGiB(written as string | number) : undefined;
  if (!limits) return problems;
  if (gib !== undefined && (gib < limits.minGiB || gib > limits.maxGiB)) {
    error('size', `${describeValue(written)} is ${gib} GiB; a ${type} volume must be ${limits.minGiB}-${limits.maxGiB} GiB`);
  }
  const iops = typeof volume.iops === 'number' ? volume.iops : undefined;
  if (volume.iops !== undefined && !limits.iops) {
    error('iops', `${type} volumes take no iops (found ${describeValue(volume.iops)}); provisioned IOPS need volume_type gp3, io1 or io2`);
  } else if (limits.iops) {
    const bounds = limits.iops;
    if (iops === undefined && volume.iops === undefined && bounds.required) {
      problems.push({ path, message: `a ${type} volume needs iops: ${bounds.min}-${bounds.max}, at most ${bounds.perGiB} per GiB`, severity: 'error' });
    } else if (iops !== undefined) {
      const sizeCap = gib === undefined ? bounds.max : Math.max(bounds.baseline ?? 0, gib * bounds.perGiB);
      const max = Math.min(bounds.max, sizeCap);
      if (iops < bounds.min || iops > max) {
        const why = max < bounds.max ? ` (at most ${bounds.perGiB} per GiB: ${gib} GiB allows ${max})` : '';
        error('iops', `found ${iops}; a ${type} volume takes ${bounds.min}-${max} IOPS${why}`);
      }
    }
  }
  if (volume.throughput !== undefined) {
    if (!limits.throughput) {
      error('throughput', `${type} volumes take no throughput (found ${describeValue(volume.throughput)}); only gp3 has provisioned throughput`);
    } else if (typeof volume.throughput === 'number') {
      const bounds = limits.throughput;
      const effectiveIops = iops ?? GP3_BASELINE_IOPS;
      const max = Math.min(bounds.max, Math.floor(effectiveIops * bounds.perIops));
      if (volume.throughput < bounds.min || volume.throughput > max) {
        const why = max < bounds.max ? ` (at most ${bounds.perIops} MiB/s per IOPS: ${effectiveIops} IOPS allow ${max})` : '';
        error('throughput', `found ${volume.throughput}; a gp3 volume takes ${bounds.min}-${max} MiB/s${why}`);
      }
    }
  }
  return problems;
}

/**
 * The logical volumes of an lvm2 volume: unique names, and together no bigger
 * than the group. Each `lvcreate -L` size is rounded up to whole 4 MiB extents;
 * the group has the disk's extents after the PV header (see lvmExtentsOnDisk).
 */
function logicalVolumeRules(volume: RawMap, logicalVolumes: unknown[], path: (string | number)[]): RawProblem[] {
  const problems: RawProblem[] = [];
  const names = new Map<string, number>();
  let extents = 0;
  let allSized = true;
  logicalVolumes.forEach((lv, index) => {
    if (!isRawMap(lv)) return (allSized = false), undefined;
    const lvPath = [...path, 'meta', 'volumes', index];
    if (typeof lv.name === 'string') {
      const first = names.get(lv.name);
      if (first !== undefined) problems.push({ path: [...lvPath, 'name'], severity: 'error', message: `duplicate logical volume name "${lv.name}": meta.volumes[${first}] has it too` });
      else names.set(lv.name, index);
    }
    const bytes = typeof lv.size === 'string' || typeof lv.size === 'number' ? lvmSizeBytes(lv.size) : undefined;
    if (bytes === undefined || bytes <= 0) allSized = false;
    else extents += lvmExtentsFor(bytes);
  });
  const gib = ebsSizeGiB((volume.size ?? DEFAULT_SIZE) as string | number);
  if (allSized && gib !== undefined) {
    const available = lvmExtentsOnDisk(gib);
    if (extents > available) {
      const sizes = logicalVolumes.map((lv) => String(mapOrEmpty(lv).size)).join(' + ');
      problems.push({
        path: [...path, 'meta', 'volumes'],
        severity: 'error',
        message: `the logical volumes (${sizes}) need ${extents} extents of 4 MiB (${mib(extents)}), but a ${gib} GiB volume holds ${available} after LVM's 1 MiB header (${mib(available)}); expected a total of at most ${mib(available)}, or a bigger volume size`,
      });
    }
  }
  return problems;
}

function mib(extents: number): string {
  return `${extents * 4} MiB`;
}
