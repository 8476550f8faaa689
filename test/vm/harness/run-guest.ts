import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureGuestImage } from './guest-image';
import { GuestReport, parseReport, REPORT_END } from './guest-report';
import { qmpCommands } from './qmp';

/** How the instance sees one attached volume. */
export type DiskAttachment =
  /** A Xen instance: the volume is the block device of that name (`/dev/xvdc`). */
  | { readonly kind: 'xen'; readonly device: string }
  /**
   * A Nitro instance: an NVMe namespace whose serial is the volume id without
   * its dash; the EBS controller data (the nvme/ebsnvme-id shims) names the
   * device requested in the block-device mapping.
   */
  | { readonly kind: 'nvme'; readonly volumeId: string; readonly requestedDevice: string };

export interface GuestDisk {
  /** Raw disk image on the host (sparse; see disk-images.ts). */
  readonly image: string;
  readonly attachment: DiskAttachment;
  /**
   * Hot-plug the disk this many milliseconds after the user data starts, as
   * a volume attachment that completes after boot (NVMe only: a Xen name is
   * made at boot). @default attached at boot
   */
  readonly attachAfterUserDataStartsMs?: number;
}

export interface GuestRunOptions {
  /** The complete user data, as EC2 would hand it to cloud-init. */
  readonly userData: string;
  readonly disks: readonly GuestDisk[];
  /** Folder for this run's files (initramfs, console log). */
  readonly workDir: string;
  /**
   * Image holding the root volume's state (/etc, /var, /root, ...) between boots of
   * the same instance: restored before the boot mounts fstab, saved at shutdown.
   * @default none: a fresh root volume
   */
  readonly rootStateImage?: string;
  /** Instance metadata, by path under `latest/` (`meta-data/local-ipv4`). @default a node at 10.0.0.10 */
  readonly metadata?: Readonly<Record<string, string>>;
  /** URL prefixes the curl shim accepts as the completion-signal endpoint. @default none */
  readonly signalUrlPrefixes?: readonly string[];
  /**
   * Variables in the user data's environment: test knobs such as a short
   * `CC_DEVICE_WAIT_SECONDS`. @default none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /** Trace every bash command of the user data with a timestamp (for diagnosing slow or failing runs). @default false */
  readonly trace?: boolean;
  /** Which EBS tools the image has (shims reading the emulated EBS controller data). @default both */
  readonly ebsTools?: readonly ('nvme' | 'ebsnvme-id')[];
  /** Shell run after the user data (for example to write a file on a data volume). @default none */
  readonly afterScript?: string;
  /** Files whose contents the report returns. @default none */
  readonly collectFiles?: readonly string[];
  /** Seconds the guest lets the user data run. @default 80 */
  readonly userDataTimeoutSeconds?: number;
  /** Milliseconds before the harness kills QEMU (below jest's per-test timeout, so no QEMU outlives its test). @default 105000 */
  readonly timeoutMs?: number;
}

export interface GuestRun {
  readonly report: GuestReport;
  /** Serial console (kernel and init messages), for diagnosis. */
  readonly console: string;
  /** Wall-clock time of the whole boot, in milliseconds. */
  readonly wallMs: number;
}

const GUEST_FILES = path.join(__dirname, 'guest');

export const DEFAULT_METADATA: Readonly<Record<string, string>> = {
  'meta-data/local-ipv4': '10.0.0.10',
  'meta-data/instance-id': 'i-0123456789abcdef0',
  'meta-data/placement/availability-zone': 'us-east-1a',
  'meta-data/placement/region': 'us-east-1',
  'meta-data/hostname': 'ip-10-0-0-10.ec2.internal',
};

/** Boots the guest once, runs the user data and returns what it reported. */
export async function runGuest(options: GuestRunOptions): Promise<GuestRun> {
  const image = ensureGuestImage();
  fs.mkdirSync(options.workDir, { recursive: true });
  const overlay = fs.mkdtempSync(path.join(options.workDir, 'overlay-'));
  fs.chmodSync(overlay, 0o755); // its mode becomes the mode of the guest's /
  writeOverlay(overlay, options);
  const initramfs = path.join(options.workDir, 'initramfs.cpio');
  fs.copyFileSync(image.baseInitramfs, initramfs);
  fs.appendFileSync(initramfs, packCpio(overlay));
  fs.rmSync(overlay, { recursive: true, force: true });

  const consoleLog = path.join(options.workDir, 'console.log');
  const reportLog = path.join(options.workDir, 'report.log');
  for (const file of [consoleLog, reportLog]) fs.rmSync(file, { force: true });

  const drives: string[] = [];
  options.disks.forEach((disk, index) => {
    drives.push('-drive', `file=${disk.image},if=none,id=d${index},format=raw,cache=unsafe,discard=unmap`);
    if (disk.attachAfterUserDataStartsMs !== undefined) {
      if (disk.attachment.kind !== 'nvme') throw new Error('only NVMe disks can be attached late');
      return;
    }
    drives.push('-device', disk.attachment.kind === 'xen'
      ? `virtio-blk-pci,drive=d${index},serial=${path.basename(disk.attachment.device)}`
      : `nvme,drive=d${index},serial=${nvmeSerial(disk.attachment.volumeId)}`);
  });
  const lateDisks = options.disks.flatMap((disk, index) => disk.attachAfterUserDataStartsMs === undefined ? [] : [{ disk, index }]);
  const qmpDir = lateDisks.length > 0 ? fs.mkdtempSync(path.join(os.tmpdir(), 'cc-qmp-')) : undefined;
  const qmpSocket = qmpDir && path.join(qmpDir, 'qmp.sock');
  if (qmpSocket) drives.push('-qmp', `unix:${qmpSocket},server=on,wait=off`);
  if (options.rootStateImage) {
    drives.push('-drive', `file=${options.rootStateImage},if=none,id=state,format=raw,cache=unsafe`);
    drives.push('-device', 'virtio-blk-pci,drive=state,serial=cc-state');
  }
  const qemuArgs = [
    '-nodefaults', '-no-reboot', '-display', 'none', '-m', '768', '-smp', '1',
    // TCG: /dev/kvm exists on these machines but QEMU cannot use it (MSR errors, hangs).
    '-accel', 'tcg',
    '-kernel', image.kernel, '-initrd', initramfs,
    '-append', 'console=ttyS0 quiet loglevel=4 panic=-1 rdinit=/init',
    '-serial', `file:${consoleLog}`, '-serial', `file:${reportLog}`,
    ...drives,
  ];
  const started = Date.now();
  // One host CPU per QEMU: Debian's QEMU 7.2 loses NVMe commands under TCG
  // when its threads migrate between loaded CPUs (see the field notes).
  const qemu = runProcess('taskset', ['-c', String(hostCpu()), 'qemu-system-x86_64', ...qemuArgs], options.timeoutMs ?? 105_000);
  let attachError: Error | undefined;
  if (qmpSocket) {
    await attachLate(qmpSocket, consoleLog, lateDisks, qemu.done).catch((error: Error) => { attachError = error; });
  }
  const exit = await qemu.exit;
  const wallMs = Date.now() - started;
  fs.rmSync(initramfs, { force: true });
  if (qmpDir) fs.rmSync(qmpDir, { recursive: true, force: true });
  if (attachError) throw new Error(`late attachment failed: ${attachError.message} (${exit})`);
  const consoleText = readIfExists(consoleLog);
  const raw = readIfExists(reportLog);
  if (!raw.includes(REPORT_END)) {
    throw new Error(`the guest did not finish its report (${exit}).\n--- console (last 4000 chars) ---\n${consoleText.slice(-4000)}\n--- report so far ---\n${raw.slice(-2000)}`);
  }
  return { report: parseReport(raw), console: consoleText, wallMs };
}

/** EC2 puts the volume id without its dash in the NVMe serial number. */
export function nvmeSerial(volumeId: string): string {
  return volumeId.replace('-', '');
}

function writeOverlay(dir: string, options: GuestRunOptions): void {
  const write = (file: string, content: string, mode = 0o644) => {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content, { mode });
  };
  write('init', fs.readFileSync(path.join(GUEST_FILES, 'init'), 'utf8'), 0o755);
  for (const shim of fs.readdirSync(path.join(GUEST_FILES, 'shims'))) {
    write(`cc/shims/${shim}`, fs.readFileSync(path.join(GUEST_FILES, 'shims', shim), 'utf8'), 0o755);
  }
  write('cc/run/user-data', options.userData, 0o755);
  const metadata = { ...DEFAULT_METADATA, ...options.metadata };
  for (const [key, value] of Object.entries(metadata)) write(`cc/run/metadata/${key}`, value);
  const ip = metadata['meta-data/local-ipv4'];
  write('cc/run/config', [
    `CC_DISK_COUNT=${options.disks.filter((disk) => disk.attachAfterUserDataStartsMs === undefined).length + (options.rootStateImage ? 1 : 0)}`,
    `CC_USER_DATA_TIMEOUT=${options.userDataTimeoutSeconds ?? 80}`,
    `CC_HOSTNAME=ip-${ip.replace(/\./g, '-')}`,
    '',
  ].join('\n'));
  write('cc/run/ebs-device-names', options.disks.flatMap((disk) => disk.attachment.kind === 'nvme'
    ? [`${nvmeSerial(disk.attachment.volumeId)} ${disk.attachment.requestedDevice}\n`] : []).join(''));
  write('cc/run/signal-prefixes', (options.signalUrlPrefixes ?? []).map((prefix) => `${prefix}\n`).join(''));
  const environment = { ...options.environment, ...(options.trace ? { BASH_ENV: '/cc/run/trace.sh' } : {}) };
  write('cc/run/trace.sh', 'PS4=\'+ ${EPOCHREALTIME} \'\nset -x\n');
  write('cc/run/environment', Object.entries(environment).map(([key, value]) => `${key}=${shellQuote(value)}\n`).join(''));
  write('cc/run/ebs-tools', (options.ebsTools ?? ['nvme', 'ebsnvme-id']).map((tool) => `${tool}\n`).join(''));
  if (options.afterScript) write('cc/run/after.sh', options.afterScript);
  if (options.collectFiles) write('cc/run/collect', options.collectFiles.map((file) => `${file}\n`).join(''));
}

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function packCpio(dir: string): Buffer {
  return execFileSync('bash', ['-c', 'find . | LC_ALL=C sort | cpio -o -H newc --quiet -R 0:0'], { cwd: dir, maxBuffer: 64 << 20 });
}

/** Spreads parallel jest workers over the host's CPUs, one CPU each. */
function hostCpu(): number {
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  return (worker - 1) % Math.max(1, os.cpus().length);
}

/** The guest's init prints this phase on the console when it starts the user data. */
const USER_DATA_STARTED = 'running user data';

/** Waits for the user data to start, then hot-plugs each late disk at its delay. */
async function attachLate(socket: string, consoleLog: string, late: { disk: GuestDisk; index: number }[], qemuDone: () => boolean): Promise<void> {
  while (!readIfExists(consoleLog).includes(USER_DATA_STARTED)) {
    if (qemuDone()) throw new Error('the guest stopped before its user data started');
    await sleep(200);
  }
  const startedAt = Date.now();
  for (const { disk, index } of [...late].sort((a, b) => a.disk.attachAfterUserDataStartsMs! - b.disk.attachAfterUserDataStartsMs!)) {
    await sleep(Math.max(0, startedAt + disk.attachAfterUserDataStartsMs! - Date.now()));
    const serial = nvmeSerial((disk.attachment as { volumeId: string }).volumeId);
    await qmpCommands(socket, [{ execute: 'device_add', arguments: { driver: 'nvme', drive: `d${index}`, serial, id: `late${index}` } }]);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

interface RunningProcess {
  /** Resolves with how the process ended. */
  readonly exit: Promise<string>;
  readonly done: () => boolean;
}

function runProcess(command: string, args: string[], timeoutMs: number): RunningProcess {
  let finished = false;
  const exit = new Promise<string>((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => { clearTimeout(timer); finished = true; reject(error); });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      finished = true;
      resolve(signal ? `QEMU ended by ${signal}${stderr ? `: ${stderr.trim()}` : ''}` : `QEMU exited with ${code}${stderr ? `: ${stderr.trim()}` : ''}`);
    });
  });
  return { exit, done: () => finished };
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
