/**
 * Scenario 5: a volume that never attaches. The disk setup waits
 * CC_DEVICE_WAIT_SECONDS (short here), then stops with a message naming the
 * volume and its device, and the completion signal reports FAILURE with it.
 */
import * as path from 'path';
import { loadConfig } from '../../lib/config';
import { describeVm, nodeDisks, ONE_BOOT_TIMEOUT_MS, recordTiming, runNodeUserData, testDir } from './harness';
import { signalBodies } from './harness/expectations';

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
});
