/**
 * Which paths may be mount points of a data volume.
 *
 * The disk setup writes an fstab entry for every mount: a volume mounted over
 * a folder the system itself lives in (`/`, `/boot`, `/usr`, `/etc`, ...) hides
 * it, and its fstab entry would replace the image's own at the next boot.
 */

/** Folders that may not be mount points, nor anything below them. */
const SYSTEM_TREES = ['/boot', '/usr', '/etc', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/proc', '/sys', '/dev', '/run', '/var/run', '/var/lock', '/var/lib/cloud'];

/**
 * Folders that may not be mount points themselves; folders below them may
 * (`/var/lib/docker`, `/var/log`). `/var/lib` holds the package database and
 * cloud-init's state, which the user data itself runs from; `/tmp` and
 * `/var/tmp` are the system's (often a tmpfs); tmpfiles' cleaning does not
 * cross into a filesystem mounted below them.
 */
const SYSTEM_FOLDERS = ['/', '/var', '/var/lib', '/tmp', '/var/tmp'];

/** Characters fstab and the generated shell cannot carry in a path: whitespace, quotes, `#`, `\`, `$`, `` ` ``, control characters. */
const UNSAFE_CHARACTER = /[\s'"#\\$`\x00-\x1f\x7f]/;

/** `/data/` and `/data` are one mount point. */
export function normalizeMountPoint(mount: string): string {
  return mount.replace(/\/+$/, '') || '/';
}

/** Why `mount` cannot be a data volume's mount point, or undefined when it can. */
export function mountPointProblem(mount: string): string | undefined {
  if (!mount.startsWith('/')) return `"${mount}" is not an absolute path: expected a path such as /data`;
  if (UNSAFE_CHARACTER.test(mount)) return `"${mount}" cannot be a mount point in /etc/fstab: expected an absolute path without spaces, quotes, #, $, backquotes or backslashes, e.g. /data/mongodb`;
  const parts = mount.split('/').slice(1);
  if (parts.some((part, index) => part === '' && index < parts.length - 1)) return `"${mount}" has an empty path component (//): expected e.g. ${mount.replace(/\/{2,}/g, '/')}`;
  if (parts.some((part) => part === '.' || part === '..')) return `"${mount}" contains . or .. components: expected the plain absolute path of the folder`;
  const normalized = normalizeMountPoint(mount);
  const tree = SYSTEM_TREES.find((root) => normalized === root || normalized.startsWith(`${root}/`));
  if (tree !== undefined || SYSTEM_FOLDERS.includes(normalized)) {
    const what = tree !== undefined ? `${tree} and the folders below it belong` : `${normalized} belongs`;
    return `${normalized} cannot be a mount point: ${what} to the operating system, and the volume's fstab entry would hide or replace the image's own. Expected a folder of your own such as /data or /srv/${normalized === '/' ? 'data' : normalized.split('/').pop()}`;
  }
  return undefined;
}
