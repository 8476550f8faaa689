import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** A built test guest: Debian's kernel and the base initramfs (see build-guest.sh). */
export interface GuestImage {
  readonly kernel: string;
  readonly baseInitramfs: string;
  readonly kernelVersion: string;
}

const HARNESS_DIR = __dirname;
const REPO_DIR = path.resolve(HARNESS_DIR, '../../..');

/** Where guests, disks and logs of VM test runs are kept (gitignored). */
export const VM_CACHE_DIR = process.env.CC_VM_CACHE_DIR ?? path.join(REPO_DIR, '.vm-cache');

let built: GuestImage | undefined;

/**
 * Builds the guest once per machine (the script locks, so parallel jest
 * workers wait for one build) and returns it. Throws with the build's output
 * when it cannot be built.
 */
export function ensureGuestImage(): GuestImage {
  if (built) return built;
  const dir = execFileSync('bash', [path.join(HARNESS_DIR, 'build-guest.sh'), VM_CACHE_DIR], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 300_000,
  }).trim();
  built = {
    kernel: path.join(dir, 'vmlinuz'),
    baseInitramfs: path.join(dir, 'base.cpio'),
    kernelVersion: fs.readFileSync(path.join(dir, 'kernel-version'), 'utf8').trim(),
  };
  return built;
}

/** Host programs the harness runs; missing ones make the VM tests unavailable. */
export const REQUIRED_HOST_PROGRAMS = ['qemu-system-x86_64', 'taskset', 'cpio', 'apt-get', 'dpkg-deb', 'depmod', 'modprobe', 'busybox', 'lvm', 'mkfs.xfs', 'mkfs.ext4'];

/** Why the VM tests cannot run on this machine, or undefined when they can. */
export function vmUnavailableReason(): string | undefined {
  const missing = REQUIRED_HOST_PROGRAMS.filter((program) => !onPath(program));
  if (missing.length > 0) {
    return `missing host programs: ${missing.join(', ')} (run scripts/setup.sh to install the Debian packages)`;
  }
  try {
    ensureGuestImage();
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    return `the test guest could not be built: ${(error as Error).message}\n${stderr}`;
  }
  return undefined;
}

function onPath(program: string): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/sbin', '/sbin']);
  return dirs.some((dir) => {
    try {
      fs.accessSync(path.join(dir, program), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
