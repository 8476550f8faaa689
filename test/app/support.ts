/**
 * Helpers for the app tests: build the app as `npx cdk synth` does (cdk.json
 * context and the cdk.context.json cache), synthesize in-process into a
 * temporary folder, read the validation report.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type * as cxapi from 'aws-cdk-lib/cx-api';
import { ComposeClusterApp, ComposeClusterAppOptions, EXAMPLE_CONFIG_FILE, buildComposeClusterApp } from '../../bin/app/build-app';
import { packageRoot, readProjectContext } from '../../bin/app/project-context';

export const REPO_ROOT = packageRoot();
export const EXAMPLE_DIR = path.dirname(path.dirname(EXAMPLE_CONFIG_FILE));

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'compose-cluster-app-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export interface SynthOptions extends ComposeClusterAppOptions {
  /** Run the built-in template validator. @default false (it costs ~3 s per test file) */
  readonly validation?: boolean;
  /** Context added to (and winning over) the project's. @default none */
  readonly context?: Record<string, unknown>;
}

export interface SynthResult extends ComposeClusterApp {
  readonly app: App;
  readonly assembly: cxapi.CloudAssembly;
  readonly outdir: string;
  /** The cluster stack's template. */
  readonly template: Record<string, any>;
}

/** Builds and synthesizes the app like `npx cdk synth` (the example unless `configFile`). */
export function synthApp(options: SynthOptions = {}): SynthResult {
  const outdir = tempDir();
  const app = new App({
    outdir,
    context: { ...readProjectContext(), ...(options.context ?? {}) },
    builtinCloudFormationValidation: options.validation ?? false,
  });
  // No CDK_DEFAULT_* variables: the account and region come from context or the offline default.
  // The lock file is only read, so tests never rewrite the example's (see example-template.test.ts).
  const built = buildComposeClusterApp(app, { env: {}, updateLockFile: false, ...options });
  const assembly = app.synth();
  return { ...built, app, assembly, outdir, template: assembly.getStackByName(built.stack.stackName).template };
}

/** The validation report synth wrote (`validation-report.json`), if any. */
export function validationReport(outdir: string): ValidationReport | undefined {
  const file = path.join(outdir, 'validation-report.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ValidationReport) : undefined;
}

export interface ValidationReport {
  readonly pluginReports: {
    readonly pluginName: string;
    readonly conclusion: string;
    readonly violations: { ruleName: string; severity: string }[];
    readonly suppressedViolations?: { ruleName: string; acknowledgedId: string; reason: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

/**
 * Writes a copy of the example (config, .env, lock file; the template folder
 * linked) whose `cluster:` text has `edit` applied, and returns its config path.
 */
export function editedExample(edit: (configText: string) => string): string {
  const dir = tempDir('compose-cluster-example-');
  fs.mkdirSync(path.join(dir, 'cloud-compose'));
  const source = path.dirname(EXAMPLE_CONFIG_FILE);
  for (const file of fs.readdirSync(source)) {
    const text = fs.readFileSync(path.join(source, file), 'utf8');
    fs.writeFileSync(path.join(dir, 'cloud-compose', file), file === path.basename(EXAMPLE_CONFIG_FILE) ? edit(text) : text);
  }
  for (const entry of fs.readdirSync(EXAMPLE_DIR)) {
    if (entry !== 'cloud-compose') fs.symlinkSync(path.join(EXAMPLE_DIR, entry), path.join(dir, entry));
  }
  return path.join(dir, 'cloud-compose', path.basename(EXAMPLE_CONFIG_FILE));
}

/** Every `Validations.of(x).acknowledge(...)` under `root`: construct path, rule id, reason. */
export function acknowledgements(root: IConstruct): { path: string; id: string; reason: string }[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((entry) => Object.entries(entry.data as Record<string, string>).map(([id, reason]) => ({ path: construct.node.path, id, reason }))),
  );
}
