import * as fs from 'fs';

/** True when `file` exists and is a regular file (or a link to one): one stat call, no exception for a missing file. */
export function isFile(file: string): boolean {
  try {
    return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false; // e.g. ENOTDIR, EACCES: not a file we can use, as fs.existsSync says
  }
}
