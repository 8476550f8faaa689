/**
 * Test helpers for the VM tests: they need QEMU and a guest built from Debian
 * packages. In CI (`CI` set) a machine that cannot run them fails the tests;
 * locally they are skipped with the reason.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { VM_CACHE_DIR, vmUnavailableReason } from './guest-image';
import { GuestRun } from './run-guest';
import { describeScaling, VolumeScaling } from './vm-scaling';

/** Per-test timeout for one boot (a boot takes 10-25 s on a loaded 2-core machine). */
export const ONE_BOOT_TIMEOUT_MS = 120_000;

let reason: string | null | undefined;

function unavailable(): string | undefined {
  if (reason === undefined) reason = vmUnavailableReason() ?? null;
  return reason ?? undefined;
}

/** `describe` for tests that boot the guest. */
export function describeVm(name: string, fn: () => void): void {
  const why = unavailable();
  if (!why) {
    describe(name, fn);
  } else if (process.env.CI) {
    describe(name, () => {
      it('can run the VM tests on this machine', () => {
        throw new Error(`VM tests cannot run: ${why}`);
      });
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(`skipped VM tests "${name}": ${why}`);
    describe.skip(name, fn);
  }
}

/** A fresh folder for one test's disks and logs under the VM cache. */
export function testDir(name: string): string {
  const dir = path.join(VM_CACHE_DIR, 'runs', name.replace(/[^A-Za-z0-9_-]+/g, '-'));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Logs how long a scenario took and which volumes were scaled down for the VM,
 * and appends it to .vm-cache/timings.log.
 */
export function recordTiming(scenario: string, run: GuestRun & { readonly scaled?: readonly VolumeScaling[] }): void {
  const line = `${(run.wallMs / 1000).toFixed(1)} s (user data ${(run.report.userDataMs / 1000).toFixed(1)} s)`;
  const scaling = describeScaling(run.scaled ?? []);
  fs.mkdirSync(VM_CACHE_DIR, { recursive: true });
  fs.appendFileSync(path.join(VM_CACHE_DIR, 'timings.log'), `${new Date().toISOString()}\t${scenario}\t${run.wallMs}\t${run.report.userDataMs}\tload ${os.loadavg()[0].toFixed(1)}${scaling.map((text) => `\t${text}`).join('')}\n`);
  // eslint-disable-next-line no-console
  console.log([`VM scenario "${scenario}": ${line}`, ...scaling.map((text) => `  ${text}`)].join('\n'));
}
