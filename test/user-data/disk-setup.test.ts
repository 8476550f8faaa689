import { spawnSync } from 'child_process';
import { ConfigError, VolumeConfig, volumeSchema } from '../../lib/config';
import { isDockerRootVolume } from '../../lib/config';
import { buildDiskSetupScript, needsDiskSetup, planDiskSetup } from '../../lib/user-data';
import { loadExample } from './support/fixtures';
import { itWithShellcheck, shellcheckFindings } from './support/shellcheck';

/** A volume as the config loader delivers it (defaults applied). */
function volume(input: Record<string, unknown>): VolumeConfig {
  return volumeSchema.parse(input);
}

const lvmDocker = volume({
  name: 'docker',
  size: '20G',
  block: '/dev/xvdz',
  file_system: 'lvm2',
  meta: { group: 'docker', volumes: [{ name: 'data', size: '19G' }, { name: 'metadata', size: '900M' }] },
});
const xfsData = volume({ name: 'data', size: '100G', block: '/dev/xvdc', file_system: 'xfs', meta: { format: true, mount: '/data/mongodb' } });

/** The generated command lines (function definitions left out). */
function commandLines(volumes: VolumeConfig[]): string[] {
  return planDiskSetup(volumes).commands.trim().split('\n');
}

function problemsOf(volumes: VolumeConfig[]): string[] {
  try {
    planDiskSetup(volumes, { configFile: 'cloud-compose.yml' });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((problem) => `${problem.path}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('which volumes get a disk setup', () => {
  test('the root volume (no block) and nfs volumes get none', () => {
    expect(needsDiskSetup(volume({ name: 'root', size: '30G' }))).toBe(false);
    expect(needsDiskSetup(volume({ name: 'shared', file_system: 'nfs', block: '/dev/xvdn', meta: { mount: '/shared' } }))).toBe(false);
    expect(needsDiskSetup(volume({ name: 'shared', file_system: 'nfs4', meta: { mount: '/shared' } }))).toBe(false);
    expect(planDiskSetup([volume({ name: 'root', size: '30G' })]).commands).toBe('');
  });

  test('a block volume with neither mount nor format is left alone; lvm2 always gets its group', () => {
    expect(needsDiskSetup(volume({ name: 'raw', block: '/dev/xvdf', file_system: 'ext4' }))).toBe(false);
    expect(needsDiskSetup(volume({ name: 'fmt', block: '/dev/xvdf', file_system: 'ext4', meta: { format: true } }))).toBe(true);
    expect(needsDiskSetup(lvmDocker)).toBe(true);
  });
});

describe('docker_root', () => {
  test('defaults to true for the group docker when no logical volume has a mount', () => {
    expect(isDockerRootVolume(lvmDocker)).toBe(true);
  });

  test('defaults to false for another group, or when a logical volume has a mount', () => {
    expect(isDockerRootVolume(volume({ ...lvmDocker, meta: { ...lvmDocker.meta, group: 'data' } }))).toBe(false);
    const mounted = volume({ ...lvmDocker, meta: { group: 'docker', volumes: [{ name: 'data', size: '10G' }, { name: 'logs', size: '5G', mount: '/logs' }] } });
    expect(isDockerRootVolume(mounted)).toBe(false);
  });

  test('follows an explicit setting', () => {
    expect(isDockerRootVolume(volume({ ...lvmDocker, meta: { ...lvmDocker.meta, docker_root: false } }))).toBe(false);
    expect(isDockerRootVolume(volume({ ...lvmDocker, meta: { ...lvmDocker.meta, group: 'vg0', docker_root: true } }))).toBe(true);
  });
});

describe('generated commands', () => {
  test('lvm2: physical volume and group, each logical volume with its size verbatim, the first one as Docker storage', () => {
    expect(commandLines([lvmDocker])).toEqual([
      "cc_detail='volume docker (/dev/xvdz)'",
      `cc_dev=$(cc_device /dev/xvdz "\${CC_VOLUME_ID_docker:-}" '') ||`,
      `  cc_die 'volume docker: no device for /dev/xvdz after'" $CC_DEVICE_WAIT_SECONDS s (Nitro instances need the volume id, nvme-cli or ebsnvme-id)"`,
      "cc_vg \"$cc_dev\" 'docker'",
      "cc_lv 'docker' 'data' '19G'",
      "cc_lv 'docker' 'metadata' '900M'",
      "cc_docker_root /dev/docker/data 'defaults,noatime'",
    ]);
  });

  test('lvm2 with docker_root false only creates the logical volumes', () => {
    const lines = commandLines([volume({ ...lvmDocker, meta: { ...lvmDocker.meta, docker_root: false } })]);
    expect(lines.filter((line) => line.startsWith('cc_docker_root') || line.startsWith('cc_fs'))).toEqual([]);
    expect(lines).toContain("cc_lv 'docker' 'metadata' '900M'");
  });

  test('a logical volume with a mount gets a filesystem (xfs unless set) with its own options', () => {
    const lines = commandLines([
      volume({
        name: 'data',
        block: '/dev/xvdd',
        file_system: 'lvm2',
        meta: { group: 'vg_data', volumes: [{ name: 'db', size: '50G', mount: '/data/db' }, { name: 'logs', size: '5G', mount: '/data/logs', file_system: 'ext4', options: 'defaults' }] },
      }),
    ]);
    expect(lines).toContain("cc_fs 'logical volume vg_data/db' /dev/vg_data/db xfs 1 /data/db 'defaults,noatime'");
    expect(lines).toContain("cc_fs 'logical volume vg_data/logs' /dev/vg_data/logs ext4 1 /data/logs 'defaults'");
  });

  test('ext4/xfs: format only when meta.format is set, mount with meta.options', () => {
    expect(commandLines([xfsData]).pop()).toBe("cc_fs 'volume data' \"$cc_dev\" xfs 1 /data/mongodb 'defaults,noatime'");
    const mountOnly = volume({ name: 'restored', block: '/dev/xvdf', file_system: 'ext4', meta: { mount: '/srv', options: 'defaults,noatime,nodev' } });
    expect(commandLines([mountOnly]).pop()).toBe("cc_fs 'volume restored' \"$cc_dev\" ext4 0 /srv 'defaults,noatime,nodev'");
  });

  test('an instance-store volume passes its ephemeral index for Nitro instance storage', () => {
    const ephemeral = volume({ name: 'ephemeral1', ephemeral: true, block: '/dev/xvdc', file_system: 'ext4', meta: { format: true, mount: '/scratch' } });
    expect(commandLines([ephemeral])[1]).toBe(`cc_dev=$(cc_device /dev/xvdc "\${CC_VOLUME_ID_ephemeral1:-}" '1') ||`);
  });

  test('volume names that are not shell words become safe variable names', () => {
    const odd = volume({ name: 'data-2.db', block: '/dev/xvdg', file_system: 'xfs', meta: { mount: '/d2' } });
    expect(commandLines([odd])[1]).toContain('"${CC_VOLUME_ID_data_2_db:-}"');
  });

  test('only the functions in use are included', () => {
    expect(planDiskSetup([xfsData]).functions).not.toContain('cc_vg()');
    expect(planDiskSetup([xfsData]).functions).not.toContain('cc_docker_root()');
    expect(planDiskSetup([lvmDocker]).functions).toContain('cc_docker_root()');
  });
});

describe('settings the setup cannot carry out are config errors, all at once', () => {
  test('format without ext4/xfs, a mount point with a space, docker_root on a non-lvm volume', () => {
    expect(
      problemsOf([
        volume({ name: 'a', block: '/dev/xvdf', meta: { format: true, mount: '/a' } }),
        volume({ name: 'b', block: '/dev/xvdg', file_system: 'xfs', meta: { mount: '/my data' } }),
        volume({ name: 'c', block: '/dev/xvdh', file_system: 'xfs', meta: { mount: '/c', docker_root: true } }),
      ]),
    ).toEqual([
      'cluster.aws.volumes[0].meta.format: meta.format needs file_system ext4 or xfs to know which filesystem to create (found no file_system)',
      'cluster.aws.volumes[1].meta.mount: "/my data" cannot be a mount point in /etc/fstab: expected an absolute path without spaces, quotes, #, $, backquotes or backslashes, e.g. /data/mongodb',
      'cluster.aws.volumes[2].meta.docker_root: docker_root applies to file_system lvm2 volumes, not xfs',
    ]);
  });

  test('two filesystems on one mount point, including Docker storage on /var/lib/docker', () => {
    const problems = problemsOf([
      lvmDocker,
      volume({ name: 'b', block: '/dev/xvdg', file_system: 'xfs', meta: { mount: '/var/lib/docker/' } }),
      volume({ name: 'c', block: '/dev/xvdh', file_system: 'xfs', meta: { mount: '/data' } }),
      volume({ name: 'd', block: '/dev/xvdi', file_system: 'ext4', meta: { mount: '/data' } }),
    ]);
    expect(problems).toEqual([
      'cluster.aws.volumes[1].meta.mount: /var/lib/docker is also the mount point of cluster.aws.volumes[0].meta.docker_root; expected one filesystem per mount point',
      'cluster.aws.volumes[3].meta.mount: /data is also the mount point of cluster.aws.volumes[2].meta.mount; expected one filesystem per mount point',
    ]);
  });

  test('a system folder as mount point, and two volume names sharing a shell variable (checked here too, for callers that skip the loader)', () => {
    expect(
      problemsOf([
        volume({ name: 'data-1', block: '/dev/xvdf', file_system: 'xfs', meta: { mount: '/' } }),
        volume({ name: 'data_1', block: '/dev/xvdg', file_system: 'xfs', meta: { mount: '/data' } }),
      ]),
    ).toEqual([
      expect.stringMatching(/^cluster\.aws\.volumes\[0\]\.meta\.mount: \/ cannot be a mount point: \/ belongs to the operating system/),
      'cluster.aws.volumes[1].name: volume names "data-1" and "data_1" both become the shell variable CC_VOLUME_ID_data_1; expected names that differ in letters, digits or _',
    ]);
  });

  test('docker_root with a mount on the first logical volume', () => {
    const conflicting = volume({ ...lvmDocker, meta: { group: 'docker', docker_root: true, volumes: [{ name: 'data', size: '10G', mount: '/data' }] } });
    expect(problemsOf([conflicting])).toEqual([
      'cluster.aws.volumes[0].meta.volumes[0].mount: with meta.docker_root the first logical volume is mounted at /var/lib/docker; remove its mount or set docker_root: false',
    ]);
  });
});

describe('the shell functions', () => {
  /** Runs `snippet` after the disk functions in real bash; returns stdout. */
  function runBash(snippet: string): string {
    const functions = planDiskSetup([xfsData]).functions;
    const result = spawnSync('bash', ['-c', `set -euo pipefail\ncc_detail=\ncc_log() { :; }\n${functions}\n${snippet}`], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    return result.stdout;
  }

  test('Xen and EBS controller names compare equal across the xvd/sd prefixes', () => {
    expect(runBash('for n in /dev/xvdc sdc xvdc /dev/sdc /dev/xvdba sdf; do printf "%s " "$(cc_short "$n")"; done')).toBe('dc dc dc dc dba df ');
  });

  test('a device name reported by a (shimmed) EBS controller is read from bytes 3072-3103 of nvme id-ctrl', () => {
    // A fake nvme-cli printing a 4096-byte identify page whose vendor field names "/dev/sdf" padded with spaces.
    const fakeNvme = 'nvme() { head -c 3072 /dev/zero; printf "%-32s" /dev/sdf; head -c 992 /dev/zero; }';
    expect(runBash(`${fakeNvme}\ncc_ebs_name /dev/nvme1n1`)).toBe('/dev/sdf');
  });
});

describe('shellcheck', () => {
  itWithShellcheck('the standalone disk setup of the bundled example is clean', () => {
    expect(shellcheckFindings(buildDiskSetupScript(loadExample().cluster.aws.volumes))).toBe('');
  });

  itWithShellcheck('a setup using every kind of volume is clean', () => {
    const script = buildDiskSetupScript([
      lvmDocker,
      xfsData,
      volume({ name: 'ephemeral0', ephemeral: true, block: '/dev/xvdb', file_system: 'ext4', meta: { format: true, mount: '/scratch' } }),
      volume({ name: 'lv', block: '/dev/xvdd', file_system: 'lvm2', meta: { group: 'vg1', volumes: [{ name: 'db', size: '5G', mount: '/db' }] } }),
      volume({ name: "odd name's", block: '/dev/xvde', file_system: 'ext4', meta: { mount: '/srv/odd' } }),
    ]);
    expect(shellcheckFindings(script)).toBe('');
  });
});
