/**
 * Scenario 4: data volumes restored from snapshots smaller than the volume
 * (EC2 creates the volume at the configured size; the filesystem keeps the
 * snapshot's size). The disk setup must not format them, must keep the data
 * and must grow each filesystem to the volume.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../lib/config';
import { createFilesystemImage, describeVm, GIB, growDiskImage, nodeDisks, ONE_BOOT_TIMEOUT_MS, recordTiming, runNodeUserData, testDir } from './harness';
import { deviceWithSerial, expectSuccess, fstabEntries, mountAt, signalBodies } from './harness/expectations';

const config = loadConfig({ file: path.join(__dirname, 'fixtures/restore-node/cloud-compose.yml'), env: {} });
const SNAPSHOT_BYTES = 1 * GIB;

describeVm('a volume restored from a smaller snapshot', () => {
  it('keeps the data and grows the xfs and ext4 filesystems to the volume size', async () => {
    const dir = testDir('snapshot-restore');
    const restored: Record<string, { uuid: string; content: string }> = {};
    // The "snapshots": small filesystems with a file each, written where the volumes' images go.
    const planned = nodeDisks(config, { style: 'nitro', dir });
    for (const disk of planned) {
      const fileSystem = disk.volume.file_system as 'xfs' | 'ext4';
      const content = `snapshot ${disk.volume.snapshot} of ${disk.volume.name}\n`;
      fs.rmSync(disk.image);
      const uuid = createFilesystemImage(disk.image, { fileSystem, sizeBytes: SNAPSHOT_BYTES, files: { 'restored.txt': content } });
      growDiskImage(disk.image, disk.sizeBytes);
      restored[disk.volume.name] = { uuid, content };
    }
    const disks = nodeDisks(config, { style: 'nitro', dir }); // reuses the images just made

    const run = await runNodeUserData({
      config, nodeId: 0, disks, workDir: dir, collectFiles: ['/data/db/restored.txt', '/data/logs/restored.txt'],
    });
    recordTiming('4 restore from smaller snapshot', run);
    const { report } = run;
    expectSuccess(report);

    for (const [volume, target, fstype] of [['data', '/data/db', 'xfs'], ['logs', '/data/logs', 'ext4']] as const) {
      const disk = disks.find((candidate) => candidate.volume.name === volume)!;
      const device = deviceWithSerial(report, disk.volumeId.replace('-', ''));
      expect({ volume, uuid: device.uuid, type: device.type }).toEqual({ volume, uuid: restored[volume].uuid, type: fstype });
      expect(report.files[`${target}/restored.txt`]).toBe(restored[volume].content);
      const mount = mountAt(report, target);
      expect(mount.source).toBe(device.device);
      // Grown from 1 GiB to (nearly) the whole volume: filesystems keep a little for their metadata.
      expect(mount.sizeBytes).toBeGreaterThan(0.95 * disk.sizeBytes);
    }
    expect(fstabEntries(report).map((entry) => entry[1]).sort()).toEqual(['/data/db', '/data/logs']);
    expect(signalBodies(report).map((body) => body.Status)).toEqual(['SUCCESS']);
  }, ONE_BOOT_TIMEOUT_MS);
});
