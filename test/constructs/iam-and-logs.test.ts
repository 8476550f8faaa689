/**
 * The cluster role, instance profile, `instance_policy` and the awslogs log group.
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { editedConfig, fixtureConfig, schemaOnlyConfig, synthCluster } from './support';

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::backups/*' }] };

describe('role and instance profile', () => {
  test('one role trusted by EC2 and one instance profile for the whole cluster', () => {
    const { template, stack, cluster } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.resourceCountIs('AWS::IAM::InstanceProfile', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' } }] },
    });
    template.hasResourceProperties('AWS::IAM::InstanceProfile', { Roles: [{ Ref: stack.resolve((cluster.role.node.defaultChild as iam.CfnRole).logicalId) }] });
  });

  test('instance_policy as a JSON string becomes an inline policy of the role', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.instance_policy = JSON.stringify(POLICY); }));
    template.hasResourceProperties('AWS::IAM::Role', { Policies: [{ PolicyName: 'InstancePolicy', PolicyDocument: POLICY }] });
  });

  test('instance_policy as a YAML map', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.instance_policy = POLICY; }));
    template.hasResourceProperties('AWS::IAM::Role', { Policies: [{ PolicyName: 'InstancePolicy', PolicyDocument: POLICY }] });
  });

  test('instance_policy that is not JSON is a config error naming the key (the loader reports it first; this is the construct\'s own check)', () => {
    const config = schemaOnlyConfig('three-nodes.yml', (c) => { c.aws.instance_policy = '{"Statement": ['; });
    expect(() => synthCluster(config)).toThrow(/cluster\.aws\.instance_policy: not valid JSON/);
  });

  test('an existing role gets the policy attached, an instance profile, and instances wait for the policy', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.instance_policy = POLICY; }), {}, (stack) => ({
      role: iam.Role.fromRoleName(stack, 'Existing', 'existing-node-role'),
    }));
    template.resourceCountIs('AWS::IAM::Role', 0);
    template.hasResourceProperties('AWS::IAM::Policy', { Roles: ['existing-node-role'], PolicyDocument: { Statement: POLICY.Statement } });
    template.hasResourceProperties('AWS::IAM::InstanceProfile', { Roles: ['existing-node-role'] });
    const policyId = Object.keys(template.findResources('AWS::IAM::Policy'))[0];
    template.allResources('AWS::EC2::Instance', { DependsOn: Match.arrayWith([policyId]) });
  });

  test('the role is the grant principal', () => {
    const { cluster } = synthCluster(fixtureConfig('three-nodes.yml'));
    expect(cluster.grantPrincipal).toBe(cluster.role);
  });
});

describe('logging', () => {
  const awslogs = (retention?: number) => editedConfig('three-nodes.yml', (c) => {
    c.logging = { driver: 'awslogs', meta: { group: '/compose/kafka-test', ...(retention === undefined ? {} : { retention }) } };
  });

  test('no log group unless the driver is awslogs', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.logging = { driver: 'json-file' }; }));
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
  });

  test('awslogs: a retained log group with the configured name and retention, writable by the role', () => {
    const { template } = synthCluster(awslogs(90));
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { LogGroupName: '/compose/kafka-test', RetentionInDays: 90 },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];
    template.hasResourceProperties('AWS::IAM::Role', {
      Policies: Match.arrayWith([{
        PolicyName: 'Logs',
        PolicyDocument: Match.objectLike({
          Statement: [Match.objectLike({ Action: Match.arrayWith(['logs:CreateLogStream', 'logs:PutLogEvents']), Effect: 'Allow', Resource: Match.arrayWith([{ 'Fn::GetAtt': [logGroupId, 'Arn'] }]) })],
        }),
      }]),
    });
  });

  test('retention defaults to 30 days', () => {
    const { template } = synthCluster(awslogs());
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });

  test('a retention CloudWatch does not offer maps to the nearest allowed one, with a warning', () => {
    const { template, stack } = synthCluster(awslogs(10));
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 7 });
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp('retention 10 is not a CloudWatch Logs retention period; using the nearest one, 7 days'));
  });

  test('an allowed retention gives no warning', () => {
    const { stack } = synthCluster(awslogs(365));
    Annotations.fromStack(stack).hasNoWarning('/Stack/Cluster', Match.stringLikeRegexp('retention'));
  });
});
