import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const MIB = 1024 ** 2;
export const GIB = 1024 ** 3;

/** Creates a blank sparse raw disk image of `sizeBytes` (no block is written). */
export function createDiskImage(file: string, sizeBytes: number): void {
  fs.writeFileSync(file, '');
  fs.truncateSync(file, sizeBytes);
}

/** Grows an image in place, as EC2 does when a volume is created larger than its snapshot. */
export function growDiskImage(file: string, sizeBytes: number): void {
  if (fs.statSync(file).size > sizeBytes) throw new Error(`${file} is larger than ${sizeBytes} bytes already`);
  fs.truncateSync(file, sizeBytes);
}

/** Bytes the image really occupies on the host. */
export function allocatedBytes(file: string): number {
  return fs.statSync(file).blocks * 512;
}

export interface FilesystemImageOptions {
  readonly fileSystem: 'ext4' | 'xfs';
  readonly sizeBytes: number;
  /** Files to put in the filesystem's root folder: name -> content. */
  readonly files: Readonly<Record<string, string>>;
}

/**
 * Creates an image holding a filesystem with files in it, made on the host
 * without mounting (mke2fs -d, mkfs.xfs -p protofile): a stand-in for an EBS
 * snapshot. Returns the filesystem UUID.
 */
export function createFilesystemImage(file: string, options: FilesystemImageOptions): string {
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-fs-image-'));
  try {
    for (const [name, content] of Object.entries(options.files)) fs.writeFileSync(path.join(source, name), content);
    createDiskImage(file, options.sizeBytes);
    if (options.fileSystem === 'ext4') {
      execFileSync('mkfs.ext4', ['-q', '-F', '-d', source, file]);
    } else {
      const proto = path.join(source, '.protofile');
      const entries = Object.keys(options.files).map((name) => `${name} ---644 0 0 ${path.join(source, name)}`);
      fs.writeFileSync(proto, ['/dev/null', '0 0', 'd--755 0 0', ...entries, '$', ''].join('\n'));
      execFileSync('mkfs.xfs', ['-q', '-f', '-p', proto, file]);
    }
    return execFileSync('blkid', ['-p', '-o', 'value', '-s', 'UUID', file], { encoding: 'utf8' }).trim();
  } finally {
    fs.rmSync(source, { recursive: true, force: true });
  }
}
