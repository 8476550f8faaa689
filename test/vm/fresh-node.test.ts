/**
 * Scenarios 1 and 2: a node's complete user data on fresh (blank) volumes, on
 * a Xen instance (/dev/xvdX names) and on a Nitro instance (NVMe devices
 * found by serial number or by the EBS controller's device name).
 */
import * as path from 'path';
import { loadConfig } from '../../lib/config';
import { deviceAt, deviceWithSerial, expectSuccess, fstabEntries, mountAt, signalBodies } from './harness/expectations';
import { describeVm, GIB, MIB, nodeDisks, NodeRun, ONE_BOOT_TIMEOUT_MS, recordTiming, runNodeUserData, testDir, xenDeviceName } from './harness';

const config = loadConfig({ file: path.join(__dirname, 'fixtures/storage-node/cloud-compose.yml'), env: {} });

/** Every mount the config asks for: [mount point, filesystem, volume name, device inside the volume]. */
const EXPECTED_MOUNTS = [
  ['/var/lib/docker', 'xfs', 'docker', '/dev/mapper/docker-data'],
  ['/data/db', 'ext4', 'data', undefined],
  ['/data/logs', 'xfs', 'logs', undefined],
  ['/data/cache', 'ext4', 'app', '/dev/mapper/app-cache'],
  ['/data/spool', 'xfs', 'app', '/dev/mapper/app-spool'],
] as const;

function expectCompleteNode(run: NodeRun, deviceOf: (volume: string) => string): void {
  const { report } = run;
  expectSuccess(report);

  // LVM: the groups and logical volumes of the config, at the configured sizes.
  expect(report.logicalVolumes.map((lv) => [lv.vg, lv.name, lv.sizeBytes]).sort()).toEqual([
    ['app', 'cache', 1 * GIB],
    ['app', 'spool', 2 * GIB],
    ['docker', 'data', 19 * GIB],
    ['docker', 'metadata', 900 * MIB],
  ]);
  expect(report.physicalVolumes.map((pv) => [pv.vg, pv.device]).sort()).toEqual([
    ['app', deviceOf('app')],
    ['docker', deviceOf('docker')],
  ]);

  // Filesystems and mounts, each on the right volume, with the configured options.
  for (const [target, fstype, volume, inner] of EXPECTED_MOUNTS) {
    const mount = mountAt(report, target);
    expect({ target, source: mount.source, fstype: mount.fstype }).toEqual({ target, source: inner ?? deviceOf(volume), fstype });
    expect(mount.options.split(',')).toContain('noatime');
  }
  expect(mountAt(report, '/data/logs').options.split(',')).toContain('nodev');

  // fstab: one entry per mount point, by UUID of the device mounted there, nofail.
  const entries = fstabEntries(report);
  expect(entries.map((entry) => entry[1]).sort()).toEqual(EXPECTED_MOUNTS.map(([target]) => target).sort());
  for (const [target, fstype, volume, inner] of EXPECTED_MOUNTS) {
    const entry = entries.find((candidate) => candidate[1] === target) as string[];
    expect(entry[0]).toBe(`UUID=${deviceAt(report, inner ?? deviceOf(volume)).uuid}`);
    expect(entry[2]).toBe(fstype);
    expect(entry[3].split(',')).toContain('nofail');
  }

  // cluster.sh ran once the volumes were mounted; the compose .env has the IP from the metadata service (IMDSv2).
  expect(report.files['/data/db/cluster-sh.txt']).toBe(`cluster.sh saw ${deviceOf('data')} on /data/db\n`);
  expect(report.files['/opt/compose-cluster/storage-test/.env']).toMatch(/^INSTANCE_IP=10\.0\.0\.10$/m);
  // Compose started as aws.username, then the success signal.
  expect(report.calls).toContainEqual({ command: 'docker', user: 'ec2-user', args: ['compose', 'up', '-d'] });
  expect(signalBodies(report)).toEqual([{ Status: 'SUCCESS', Reason: expect.stringContaining('node 0'), UniqueId: '0', Data: expect.any(String) }]);
  expect(report.signals[0].method).toBe('PUT');
}

const COLLECT = ['/data/db/cluster-sh.txt', '/opt/compose-cluster/storage-test/.env'];

describeVm('a fresh node runs its complete user data', () => {
  it('on a Xen instance: volumes at /dev/xvdX (a requested /dev/sdd as /dev/xvdd)', async () => {
    const dir = testDir('fresh-xen');
    const disks = nodeDisks(config, { style: 'xen', dir });
    const run = await runNodeUserData({ config, nodeId: 0, disks, workDir: dir, collectFiles: COLLECT });
    recordTiming('1 fresh Xen node', run);
    expectCompleteNode(run, (volume) => xenDeviceName(disks.find((disk) => disk.volume.name === volume)!.volume.block!));
    expect(xenDeviceName('/dev/sdd')).toBe('/dev/xvdd');
  }, ONE_BOOT_TIMEOUT_MS);

  it('on a Nitro instance: NVMe devices found by volume-id serial and by the EBS controller device name (nvme-cli only)', async () => {
    const dir = testDir('fresh-nitro');
    const disks = nodeDisks(config, { style: 'nitro', dir });
    const run = await runNodeUserData({ config, nodeId: 0, disks, workDir: dir, collectFiles: COLLECT, ebsTools: ['nvme'] });
    recordTiming('2 fresh Nitro node', run);
    const deviceOf = (volume: string) => deviceWithSerial(run.report, disks.find((disk) => disk.volume.name === volume)!.volumeId.replace('-', '')).device;
    expectCompleteNode(run, deviceOf);
    // The docker group has no mounted logical volume, so no volume id is passed for it:
    // its device was found through the EBS controller data (nvme id-ctrl).
    expect(run.userData.deployTimeVariables.map((variable) => variable.name)).not.toContain('CC_VOLUME_ID_docker');
    expect(run.report.calls.filter((call) => call.command === 'nvme').map((call) => call.args[0])).toContain('id-ctrl');
  }, ONE_BOOT_TIMEOUT_MS);
});
