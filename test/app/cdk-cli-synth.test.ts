/**
 * The acceptance check, end to end: `cdk synth` with the real CDK CLI, as on a
 * fresh clone with no AWS credentials (empty HOME, no AWS_* variables): it
 * succeeds with the validator strict and cdk-nag on, leaves no open finding,
 * and produces the same template as the in-process app.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { REPO_ROOT, synthApp, tempDir, validationReport } from './support';

/** Drops what only the CLI adds: aws:cdk:path metadata and the CDKMetadata (version reporting) resource. */
function withoutCliMetadata(template: any): any {
  const resources = Object.fromEntries(
    Object.entries(template.Resources as Record<string, any>)
      .filter(([, resource]) => resource.Type !== 'AWS::CDK::Metadata')
      .map(([id, { Metadata: _metadata, ...resource }]) => [id, resource]),
  );
  const { Conditions: _conditions, ...rest } = template;
  return { ...rest, Resources: resources };
}

test('npx cdk synth without credentials synthesizes the example with no open finding', () => {
  const home = tempDir();
  const outdir = path.join(home, 'cdk.out');
  const result = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'cdk'), ['synth', '--no-notices', '-o', outdir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, CDK_DISABLE_CLI_TELEMETRY: 'true' },
    timeout: 120_000,
  });
  expect({ status: result.status, stderr: result.stderr }).toMatchObject({ status: 0 });
  expect(result.stdout).toContain('Type: AWS::EC2::Instance');

  const report = validationReport(outdir)!;
  for (const plugin of report.pluginReports) expect({ plugin: plugin.pluginName, violations: plugin.violations }).toEqual({ plugin: plugin.pluginName, violations: [] });

  const cliTemplate = JSON.parse(fs.readFileSync(path.join(outdir, 'mongodb-prod.template.json'), 'utf8'));
  expect(withoutCliMetadata(cliTemplate)).toEqual(synthApp().template);
});
