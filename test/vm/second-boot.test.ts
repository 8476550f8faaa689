/**
 * Scenario 3: the user data runs again over the same volumes, on the same
 * instance (its root volume kept: fstab and LVM metadata from boot 1, the
 * boot's own `mount -a` already done) and on a replacement instance (a fresh
 * root volume). Nothing may be reformatted, the data written in boot 1 must
 * survive, and fstab must not grow.
 */
import * as path from 'path';
import { loadConfig } from '../../lib/config';
import { createDiskImage, describeVm, GuestReport, MIB, NodeDisk, nodeDisks, ONE_BOOT_TIMEOUT_MS, recordTiming, runNodeUserData, testDir } from './harness';
import { expectSuccess, fstabEntries, mountAt, signalBodies } from './harness/expectations';

const config = loadConfig({ file: path.join(__dirname, 'fixtures/storage-node/cloud-compose.yml'), env: {} });
const MOUNT_POINTS = ['/data/cache', '/data/db', '/data/logs', '/data/spool', '/var/lib/docker'];
const SURVIVORS = MOUNT_POINTS.map((dir) => `${dir}/written-in-boot-1.txt`);

/** Filesystem (or LVM physical volume) UUID of every device, by device path: a new mkfs or pvcreate changes it. */
function uuids(report: GuestReport): Record<string, string | undefined> {
  return Object.fromEntries(report.devices.filter((device) => device.type !== undefined).map((device) => [device.device, device.uuid]));
}

describeVm('a second boot over the same volumes', () => {
  let dir: string;
  let disks: NodeDisk[];
  let rootState: string;
  let boot1: GuestReport;

  const boot = async (scenario: string, options: { rootState?: string; afterScript?: string }) => {
    const run = await runNodeUserData({
      config, nodeId: 0, disks, workDir: path.join(dir, scenario.replace(/\W+/g, '-')),
      rootStateImage: options.rootState, afterScript: options.afterScript, collectFiles: SURVIVORS,
    });
    recordTiming(scenario, run);
    expectSuccess(run.report);
    return run.report;
  };

  beforeAll(() => {
    dir = testDir('second-boot');
    disks = nodeDisks(config, { style: 'nitro', dir });
    rootState = path.join(dir, 'root-state.img');
    createDiskImage(rootState, 64 * MIB);
  });

  it('boot 1 sets up blank volumes and data is written to each filesystem', async () => {
    boot1 = await boot('3a first boot', {
      rootState,
      afterScript: SURVIVORS.map((file) => `echo "kept: ${file}" > ${file}`).join('\n'),
    });
    expect(boot1.userDataOutput).toMatch(/Logical volume "data" created/);
    expect(fstabEntries(boot1).map((entry) => entry[1]).sort()).toEqual(MOUNT_POINTS);
  }, ONE_BOOT_TIMEOUT_MS);

  it('boot 2 of the same instance (root volume kept) changes nothing', async () => {
    const report = await boot('3b same instance again', { rootState });
    // The boot itself mounted the fstab entries of boot 1 before the user data ran.
    expect(report.bootMounts).toContain('mount -a exit code: 0');
    for (const file of SURVIVORS) expect(report.files[file]).toBe(`kept: ${file}\n`);
    expect(uuids(report)).toEqual(uuids(boot1));
    expect(report.userDataOutput).not.toMatch(/Physical volume ".*" successfully created|Volume group ".*" successfully created|Logical volume ".*" created/);
    expect(report.fstab).toBe(boot1.fstab);
    for (const target of MOUNT_POINTS) expect(report.mounts.filter((mount) => mount.target === target)).toHaveLength(1);
    expect(signalBodies(report).map((body) => body.Status)).toEqual(['SUCCESS']);
  }, ONE_BOOT_TIMEOUT_MS);

  it('a replacement instance (fresh root volume) gets the same volumes back with their data', async () => {
    const report = await boot('3c replacement instance', {});
    for (const file of SURVIVORS) expect(report.files[file]).toBe(`kept: ${file}\n`);
    expect(uuids(report)).toEqual(uuids(boot1));
    expect(report.userDataOutput).not.toMatch(/Physical volume ".*" successfully created|Volume group ".*" successfully created|Logical volume ".*" created/);
    expect(fstabEntries(report).map((entry) => entry[1]).sort()).toEqual(MOUNT_POINTS);
    expect(fstabEntries(report).sort()).toEqual(fstabEntries(boot1).sort());
    expect(mountAt(report, '/data/db').fstype).toBe('ext4');
    expect(signalBodies(report).map((body) => body.Status)).toEqual(['SUCCESS']);
  }, ONE_BOOT_TIMEOUT_MS);
});
