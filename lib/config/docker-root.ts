/**
 * The lvm2 group that becomes Docker's storage: the original's devicemapper
 * volume, which Docker (Engine 25+) no longer supports, as an overlay2
 * filesystem. One rule for the loader's mount checks and the disk setup.
 */

/** Where Docker keeps images and containers. */
export const DOCKER_ROOT = '/var/lib/docker';

/** The parts of a volume the rule reads; raw (unvalidated) YAML data fits too. */
export interface DockerRootCandidate {
  readonly file_system?: unknown;
  readonly meta?: {
    readonly docker_root?: unknown;
    readonly group?: unknown;
    readonly volumes?: ReadonlyArray<{ readonly mount?: unknown }>;
  };
}

/**
 * True when an lvm2 volume's first logical volume becomes Docker's storage:
 * `meta.docker_root`, by default for the group `docker` when no logical
 * volume has a mount.
 */
export function isDockerRootVolume(volume: DockerRootCandidate): boolean {
  if (volume.file_system !== 'lvm2') return false;
  const meta = volume.meta;
  if (meta?.docker_root !== undefined) return meta.docker_root === true;
  const logicalVolumes = meta?.volumes ?? [];
  return meta?.group === 'docker' && logicalVolumes.length > 0 && !logicalVolumes.some((lv) => lv.mount);
}
