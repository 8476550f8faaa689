/**
 * The CDK project folder (the one holding cdk.json, and beside it the lookup
 * cache cdk.context.json), found by searching upward: commands may be run from
 * the config's folder, below the project.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The first folder at or above one of `startDirs` (tried in order) that holds cdk.json; undefined when none does. */
export function findCdkProjectDir(startDirs: readonly string[]): string | undefined {
  for (const start of startDirs) {
    let dir = path.resolve(start);
    for (;;) {
      if (fs.existsSync(path.join(dir, 'cdk.json'))) return dir;
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  return undefined;
}
