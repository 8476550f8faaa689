/**
 * Scenario 7: volumes larger than a test disk can be (a 40 TiB xfs volume, a
 * 20 TiB LVM group with 15t, 900M and 4t logical volumes). The harness scales
 * them down with the config (docs/vm-tests.md, "Disk sizes"); the node's user
 * data, generated from that scaled config, builds every filesystem and
 * logical volume and mounts them.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../lib/config';
import { deviceAt, expectSuccess, fstabEntries, mountAt, signalBodies } from './harness/expectations';
import { describeScaling, describeVm, GIB, MIB, nodeDisks, ONE_BOOT_TIMEOUT_MS, recordTiming, runNodeUserData, testDir, xenDeviceName } from './harness';

const config = loadConfig({ file: path.join(__dirname, 'fixtures/large-node/cloud-compose.yml'), env: {} });

/** [mount point, filesystem, device]. */
const EXPECTED_MOUNTS = [
  ['/data/db', 'xfs', '/dev/xvdc'],
  ['/data/archive', 'xfs', '/dev/mapper/archive-store'],
  ['/data/index', 'ext4', '/dev/mapper/archive-index'],
  ['/data/logs', 'ext4', '/dev/xvdg'],
] as const;

describeVm('volumes too large for a test disk', () => {
  it('are scaled down with the config: filesystems, logical volumes and mounts as configured', async () => {
    const dir = testDir('large-volumes');
    const disks = nodeDisks(config, { style: 'xen', dir });
    // 40T and 20T (x1000 GiB) become 64 GiB disks; the 5G volume keeps its size.
    expect(disks.map((disk) => [disk.volume.name, disk.sizeBytes, fs.statSync(disk.image).size])).toEqual([
      ['data', 64 * GIB, 64 * GIB],
      ['archive', 64 * GIB, 64 * GIB],
      ['logs', 5 * GIB, 5 * GIB],
    ]);
    const run = await runNodeUserData({
      config, nodeId: 0, disks, workDir: dir, collectFiles: EXPECTED_MOUNTS.map(([target]) => `${target}/cluster-sh.txt`),
    });
    recordTiming('7 volumes scaled down (40T xfs, 20T LVM)', run);
    const { report } = run;
    expectSuccess(report);
    expect(describeScaling(run.scaled)).toEqual([
      'volume data: 40T configured, 64G in the VM',
      'volume archive: 20T configured, 64G in the VM (logical volumes store 15t -> 50328M, index 900M -> 512M, spare 4t -> 13420M)',
    ]);

    // The logical volumes at the scaled sizes (each configured size / 312.5, in whole 4 MiB extents; 900M raised to 512M).
    expect(report.logicalVolumes.map((lv) => [lv.vg, lv.name, lv.sizeBytes]).sort()).toEqual([
      ['archive', 'index', 512 * MIB],
      ['archive', 'spare', 13420 * MIB],
      ['archive', 'store', 50328 * MIB],
    ]);
    expect(report.physicalVolumes.map((pv) => [pv.vg, pv.device])).toEqual([['archive', xenDeviceName('/dev/xvdf')]]);

    // Every filesystem mounted where configured, in fstab by UUID, and writable (cluster.sh wrote into each).
    const entries = fstabEntries(report);
    for (const [target, fstype, device] of EXPECTED_MOUNTS) {
      const mount = mountAt(report, target);
      expect({ target, source: mount.source, fstype: mount.fstype }).toEqual({ target, source: device, fstype });
      const entry = entries.find((candidate) => candidate[1] === target);
      expect(entry?.slice(0, 3)).toEqual([`UUID=${deviceAt(report, device).uuid}`, target, fstype]);
      expect(report.files[`${target}/cluster-sh.txt`]).toBe(`written to ${device}\n`);
    }
    // The unmounted logical volume got no filesystem.
    expect(deviceAt(report, '/dev/mapper/archive-spare').type).toBeUndefined();
    expect(signalBodies(report).map((body) => body.Status)).toEqual(['SUCCESS']);
  }, ONE_BOOT_TIMEOUT_MS);
});
