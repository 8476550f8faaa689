/**
 * The "done" checks of the app, run in-process with the template validator on
 * exactly as cdk.json configures it (validateAgainstDefaultRules + strict) and
 * the cdk-nag AwsSolutions checks: the example passes with every finding either
 * absent or acknowledged with a reason; a real problem still fails synth.
 *
 * The validator's WASM start-up costs ~3 s once per test file: keep its tests here.
 */
import { AwsSolutionsChecks } from 'cdk-nag';
import { INHERENT_FINDING_REASONS } from '../../lib/constructs/inherent-findings';
import { readProjectContext } from '../../bin/app/project-context';
import { acknowledgements, editedExample, synthApp, validationReport } from './support';

test('cdk.json makes validator errors and warnings fail synth', () => {
  const context = readProjectContext();
  expect(context['@aws-cdk/core:validateAgainstDefaultRules']).toBe(true);
  expect(context['@aws-cdk/core:strictCfnValidateErrors']).toBe(true);
});

describe('the bundled example under the validator and cdk-nag', () => {
  let result: ReturnType<typeof synthApp>;
  beforeAll(() => {
    result = synthApp({ validation: true });
  });

  test('synth passes: no open finding in any plugin report', () => {
    const report = validationReport(result.outdir);
    // The built-in validator always reports (its acknowledged findings at least).
    expect(report?.pluginReports.map((p) => p.pluginName)).toContain('CloudFormation Validate');
    for (const plugin of report!.pluginReports) {
      expect({ plugin: plugin.pluginName, violations: plugin.violations }).toEqual({ plugin: plugin.pluginName, violations: [] });
    }
  });

  test('cdk-nag AwsSolutions, run directly on the app, reports no unacknowledged finding', () => {
    expect(new AwsSolutionsChecks().validateScope(result.app).violations).toEqual([]);
  });

  test('the validator findings that were acknowledged are the inherent ones, each with its reason', () => {
    const suppressed = validationReport(result.outdir)!.pluginReports.flatMap((p) => p.suppressedViolations ?? []);
    for (const finding of suppressed) expect(finding.reason.length).toBeGreaterThan(80);
    const byRule = new Set(suppressed.map((finding) => `${finding.acknowledgedId}: ${finding.reason}`));
    // In-process synth has CDK version reporting off; then the validator also reports the literal zones (W3010).
    expect([...byRule].sort()).toEqual([
      `CloudFormation-Validate::W3010: ${INHERENT_FINDING_REASONS.volumeZone}`,
      `CloudFormation-Validate::W9010: ${INHERENT_FINDING_REASONS.pinnedImage}`,
    ]);
  });

  test('every acknowledgement carries a reason and sits on the cluster or the resource concerned, never on the app or the stack', () => {
    const acks = acknowledgements(result.app);
    expect(acks.length).toBeGreaterThan(0);
    for (const ack of acks) expect(ack.reason.length).toBeGreaterThan(80);
    // Nothing is acknowledged wholesale on the app or the stack.
    expect(acks.filter((ack) => ack.path === '' || ack.path === 'mongodb-prod')).toEqual([]);
    const ids = new Set(acks.map((ack) => ack.id.replace(/^Annotation::/, '')));
    expect(ids).toEqual(
      new Set(['CloudFormation-Validate::W9010', 'CloudFormation-Validate::W3010', 'AwsSolutions-EC28', 'AwsSolutions-IAM5[Resource::<ClusterLogGroup778D89BA.Arn>:*]']),
    );
  });
});

describe('real problems still fail synth', () => {
  test("a wildcard in the user's own instance_policy is a cdk-nag error, not silently acknowledged", () => {
    const configFile = editedExample((text) =>
      text.replace(/^(  aws:\n)/m, `$1    instance_policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}'\n`),
    );
    expect(() => synthApp({ validation: true, configFile })).toThrow(/AwsSolutions-IAM5\[Action::s3:\*\][\s\S]*AwsSolutions-IAM5\[Resource::\*\]/);
  });

  test('turning detailed monitoring on removes the EC28 acknowledgement (it follows the config)', () => {
    const configFile = editedExample((text) => text.replace(/^(  aws:\n)/m, '$1    detailed_monitoring: true\n'));
    const { app, template } = synthApp({ validation: true, configFile });
    const instances = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::EC2::Instance') as any[];
    expect(instances.map((instance) => instance.Properties.Monitoring)).toEqual([true, true, true]);
    expect(acknowledgements(app).map((ack) => ack.id).filter((id) => id.includes('EC28'))).toEqual([]);
  });

  test('an unset lookup fails synth under the validator instead of deploying the dummy ami-1234', () => {
    // No cdk.context.json entry exists for this account: the lookups fall back to their dummy values.
    expect(() => synthApp({ validation: true, context: { account: '111122223333' } })).toThrow(/ImageId: 'ami-1234' does not match format/);
  });
});
