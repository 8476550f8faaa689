/**
 * Scenario 5: a volume that never attaches. The disk setup waits
 * CC_DEVICE_WAIT_SECONDS (short here), then stops with a message naming the
 * volume and its device, and the completion signal reports FAILURE with it.
 * Its counterpart: a volume whose attachment completes after the user data
 * started is waited for.
 */
import * as path from 'path';
import { loadConfig } from '../../lib/config';
import { describeVm, nodeDisks, ONE_BOOT_TIMEOUT_MS, recordTiming, runNodeUserData, testDir } from './harness';
import { deviceWithSerial, expectSuccess, mountAt, signalBodies } from './harness/expectations';

const config = loadConfig({ file: path.join(__dirname, 'fixtures/storage-node/cloud-compose.yml'), env: {} });

describeVm('a volume that never attaches', () => {
  it('stops the user data with a clear message and signals FAILURE', async () => {
    const dir = testDir('missing-volume');
    const disks = nodeDisks(config, { style: 'nitro', dir });
    const run = await runNodeUserData({
      config, nodeId: 0, disks, workDir: dir, detached: ['data'], environment: { CC_DEVICE_WAIT_SECONDS: '5' },
    });
    recordTiming('5 volume never attaches', run);
    const { report } = run;

    expect(report.exitCode).not.toBe(0);
    expect(report.exitCode).not.toBe(124); // stopped by itself, not by the guest's timeout
    expect(report.userDataOutput).toMatch(/volume data.*\/dev\/xvdc/);
    const [signal, ...more] = signalBodies(report);
    expect(more).toEqual([]);
    expect(signal.Status).toBe('FAILURE');
    expect(signal.UniqueId).toBe('0');
    expect(signal.Reason).toMatch(/disk-setup/);
    expect(signal.Reason).toMatch(/volume data.*\/dev\/xvdc/);
    // Nothing after the failed step ran: /data/db is not mounted, no compose start.
    expect(report.mounts.map((mount) => mount.target)).not.toContain('/data/db');
    expect(report.calls.filter((call) => call.command === 'docker' && call.args.includes('up'))).toEqual([]);
  }, ONE_BOOT_TIMEOUT_MS);

  it('waits for a volume attached after the user data started (NVMe hot-plug)', async () => {
    const dir = testDir('late-volume');
    const disks = nodeDisks(config, { style: 'nitro', dir });
    const run = await runNodeUserData({
      config, nodeId: 0, disks, workDir: dir, attachedLate: { docker: 4000 }, environment: { CC_DEVICE_WAIT_SECONDS: '60' },
    });
    recordTiming('5b volume attached late', run);
    const { report } = run;
    expectSuccess(report);
    // docker is the first volume set up, so the script met its absence and waited.
    expect(report.userDataOutput).toMatch(/waiting for \/dev\/xvdz/);
    const docker = disks.find((disk) => disk.volume.name === 'docker')!;
    expect(report.physicalVolumes).toContainEqual(expect.objectContaining({ vg: 'docker', device: deviceWithSerial(report, docker.volumeId.replace('-', '')).device }));
    expect(mountAt(report, '/var/lib/docker').source).toBe('/dev/mapper/docker-data');
    expect(signalBodies(report).map((body) => body.Status)).toEqual(['SUCCESS']);
  }, ONE_BOOT_TIMEOUT_MS);
});
