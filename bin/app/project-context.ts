/**
 * The context the CDK CLI would hand this project's app: `context` from
 * cdk.json (feature flags, the validator settings) and the lookup cache in
 * cdk.context.json. A plain `new App()` reads neither; in-process synth
 * (tests, the benchmark) passes this to `new App({ context })` to see what
 * `npx cdk synth` sees.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The folder holding this package's package.json (works from bin/ and from dist/bin/). */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

/**
 * cdk.json `context` overlaid with cdk.context.json, as the CLI merges them
 * (cdk.json wins on a key present in both).
 *
 * @param projectDir folder holding cdk.json @default the package root
 */
export function readProjectContext(projectDir: string = packageRoot()): Record<string, unknown> {
  const cdkJson = readJson(path.join(projectDir, 'cdk.json')) as { context?: Record<string, unknown> } | undefined;
  const cached = readJson(path.join(projectDir, 'cdk.context.json')) as Record<string, unknown> | undefined;
  return { ...(cached ?? {}), ...(cdkJson?.context ?? {}) };
}

function readJson(file: string): unknown {
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}
