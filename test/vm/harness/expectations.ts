/**
 * Reading a guest report the way the tests ask about it.
 */
import { BlockDevice, GuestReport, Mount } from './guest-report';

/** The mount at `target`, or a readable failure. */
export function mountAt(report: GuestReport, target: string): Mount {
  const mount = report.mounts.find((candidate) => candidate.target === target);
  if (!mount) throw new Error(`nothing is mounted at ${target}; mounts: ${report.mounts.map((m) => `${m.target}=${m.source}`).join(', ')}`);
  return mount;
}

/** The block device probed at `device` (e.g. /dev/xvdc, /dev/mapper/docker-data). */
export function deviceAt(report: GuestReport, device: string): BlockDevice {
  const found = report.devices.find((candidate) => candidate.device === device);
  if (!found) throw new Error(`no block device ${device}; devices: ${report.devices.map((d) => d.device).join(', ')}`);
  return found;
}

/** The disk with this serial number (NVMe: the volume id without its dash). */
export function deviceWithSerial(report: GuestReport, serial: string): BlockDevice {
  const found = report.devices.find((candidate) => candidate.serial === serial);
  if (!found) throw new Error(`no disk with serial ${serial}; serials: ${report.devices.map((d) => `${d.device}=${d.serial}`).join(', ')}`);
  return found;
}

/** Active (not commented) fstab entries as [spec, file, vfstype, options, freq, passno]. */
export function fstabEntries(report: GuestReport): string[][] {
  return report.fstab.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('#')).map((line) => line.split(/\s+/));
}

/** The completion signals sent, their JSON bodies parsed. */
export function signalBodies(report: GuestReport): { Status: string; Reason: string; UniqueId: string; Data: string }[] {
  return report.signals.map((signal) => JSON.parse(signal.body));
}

/** Diagnostics to print when an assertion on a run fails. */
export function describeRun(report: GuestReport): string {
  return `exit code ${report.exitCode}\n--- user data output ---\n${report.userDataOutput}\n--- fstab ---\n${report.fstab}\n--- kernel warnings ---\n${report.kernelLog}`;
}

/** Fails with the user data's output unless it exited 0. */
export function expectSuccess(report: GuestReport): void {
  if (report.exitCode !== 0) throw new Error(`the user data failed: ${describeRun(report)}`);
}
