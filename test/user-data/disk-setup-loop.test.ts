/**
 * Runs the generated disk setup for real on loop devices (ext4/xfs; LVM needs
 * device-mapper, which only the QEMU tests in test/vm have). Needs root and
 * free loop devices; skipped otherwise.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { volumeSchema } from '../../lib/config';
import { buildDiskSetupScript } from '../../lib/user-data';

const canUseLoopDevices = process.getuid?.() === 0 && spawnSync('losetup', ['-f'], { encoding: 'utf8' }).status === 0 && spawnSync('mkfs.xfs', ['-V']).status === 0;
if (!canUseLoopDevices) console.warn('skipped disk-setup-loop tests: they need root, loop devices and xfsprogs');
const describeLoop = canUseLoopDevices ? describe : describe.skip;

function sh(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

describeLoop('the disk setup on a loop device', () => {
  let dir: string;
  let image: string;
  let device: string;
  let mount: string;
  let fstab: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-loop-'));
    image = path.join(dir, 'disk.img');
    mount = path.join(dir, 'mnt');
    fstab = path.join(dir, 'fstab');
    fs.writeFileSync(fstab, '# static file system information\n');
    fs.closeSync(fs.openSync(image, 'w'));
    fs.truncateSync(image, 400 * 1024 * 1024);
    device = sh('losetup', ['-f', '--show', image]);
  });

  afterEach(() => {
    spawnSync('umount', [mount]);
    spawnSync('losetup', ['-d', device]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  function setup(fileSystem: string, meta: Record<string, unknown>) {
    const script = buildDiskSetupScript([volumeSchema.parse({ name: 'data', block: device, file_system: fileSystem, meta })]);
    return spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { ...process.env, CC_FSTAB: fstab, CC_DEVICE_WAIT_SECONDS: '0' } });
  }

  test('blank + format: xfs created, one fstab entry by UUID with nofail, mounted; again and after unmounting: nothing changes, data stays', () => {
    const first = setup('xfs', { format: true, mount });
    expect(first.stderr).toContain('creating xfs');
    expect(first.status).toBe(0);
    const uuid = sh('blkid', ['-p', '-o', 'value', '-s', 'UUID', device]);
    const expectedFstab = `# static file system information\nUUID=${uuid} ${mount} xfs defaults,noatime,nofail 0 0\n`;
    expect(fs.readFileSync(fstab, 'utf8')).toBe(expectedFstab);
    expect(sh('findmnt', ['-n', '-o', 'SOURCE', mount])).toBe(device);
    fs.writeFileSync(path.join(mount, 'precious'), 'data');

    const second = setup('xfs', { format: true, mount });
    expect(second.status).toBe(0);
    expect(second.stderr).not.toContain('creating');
    sh('umount', [mount]);
    const third = setup('xfs', { format: true, mount });
    expect(third.status).toBe(0);
    expect(sh('blkid', ['-p', '-o', 'value', '-s', 'UUID', device])).toBe(uuid);
    expect(fs.readFileSync(fstab, 'utf8')).toBe(expectedFstab);
    expect(fs.readFileSync(path.join(mount, 'precious'), 'utf8')).toBe('data');
  });

  test('a filesystem smaller than its device is grown', () => {
    expect(setup('xfs', { format: true, mount }).status).toBe(0);
    const before = Number(sh('findmnt', ['-n', '-b', '-o', 'SIZE', mount]));
    sh('umount', [mount]);
    fs.truncateSync(image, 800 * 1024 * 1024);
    sh('losetup', ['-c', device]);
    expect(setup('xfs', { format: true, mount }).status).toBe(0);
    expect(Number(sh('findmnt', ['-n', '-b', '-o', 'SIZE', mount]))).toBeGreaterThan(before + 300 * 1024 * 1024);
  });

  test('a device holding another filesystem is mounted as it is, never reformatted', () => {
    sh('mkfs.ext4', ['-q', device]);
    const uuid = sh('blkid', ['-p', '-o', 'value', '-s', 'UUID', device]);
    const result = setup('xfs', { format: true, mount });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('holds ext4: not formatting');
    expect(sh('blkid', ['-p', '-o', 'value', '-s', 'UUID', device])).toBe(uuid);
    expect(sh('findmnt', ['-n', '-o', 'FSTYPE', mount])).toBe('ext4');
  });

  test('data without a known signature is neither formatted nor mounted', () => {
    const fd = fs.openSync(device, 'r+');
    fs.writeSync(fd, Buffer.from('not a filesystem, but somebody\'s data'), 0, undefined, 4096);
    fs.closeSync(fd);
    const result = setup('xfs', { format: true, mount });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('holds data without a known signature, not a filesystem: cannot mount it');
    expect(spawnSync('blkid', ['-p', device]).status).toBe(2);
  });

  test('a blank device with a mount but without meta.format fails, naming the volume, and stays blank', () => {
    const result = setup('xfs', { mount });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`volume data: ${device} is blank and meta.format is not set: set meta.format: true to create a filesystem`);
    expect(spawnSync('blkid', ['-p', device]).status).toBe(2);
  });

  test("a mount point holding another filesystem fails before fstab is touched: the image's entry for it stays", () => {
    const imageFstab = `# static file system information\nLABEL=cloudimg-rootfs / ext4 defaults 0 1\nLABEL=scratch ${mount} ext4 defaults 0 2\n`;
    fs.writeFileSync(fstab, imageFstab);
    fs.mkdirSync(mount);
    sh('mount', ['-t', 'tmpfs', 'tmpfs', mount]);
    const result = setup('xfs', { format: true, mount: `${mount}/` });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`${mount} already has another filesystem mounted`);
    expect(fs.readFileSync(fstab, 'utf8')).toBe(imageFstab);
    expect(sh('findmnt', ['-n', '-o', 'FSTYPE', mount])).toBe('tmpfs');
  });

  test('a mount point written with a trailing slash gets the same fstab entry as without', () => {
    expect(setup('xfs', { format: true, mount: `${mount}/` }).status).toBe(0);
    const uuid = sh('blkid', ['-p', '-o', 'value', '-s', 'UUID', device]);
    expect(fs.readFileSync(fstab, 'utf8')).toBe(`# static file system information\nUUID=${uuid} ${mount} xfs defaults,noatime,nofail 0 0\n`);
    expect(setup('xfs', { format: true, mount }).status).toBe(0);
    expect(fs.readFileSync(fstab, 'utf8')).toBe(`# static file system information\nUUID=${uuid} ${mount} xfs defaults,noatime,nofail 0 0\n`);
  });
});
