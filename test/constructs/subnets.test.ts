/**
 * Node subnets: AZ and CIDR from the `vpc` prop or from the cached CloudControl
 * lookup, and the fixed IPs checked against the CIDR (AWS reserves the first
 * four addresses and the last one of every subnet).
 */
import { App, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ComposeCluster } from '../../lib/constructs';
import { editedConfig, fixtureConfig, schemaOnlyConfig, subnetContextKey, synthCluster, threeNodeContext } from './support';

/** A VPC whose three subnets carry the fixture's subnet ids. */
function fixtureVpc(stack: Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
    privateSubnetIds: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2', 'subnet-0ccccccccccccccc3'],
    privateSubnetIpv4CidrBlocks: ['10.0.1.0/24', '10.0.2.0/24', '10.0.3.0/24'],
  });
}

function problemsOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected a config error');
}

describe('without vpc: CloudControl subnet lookup', () => {
  test('data volumes are created in the AZ the lookup found for the node subnet', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.hasResourceProperties('AWS::EC2::Volume', { AvailabilityZone: 'us-east-1b', Tags: Match.arrayWith([{ Key: 'Name', Value: 'kafka-test-1' }]) });
  });

  test('without cached context, the lookup is reported missing (the CLI performs it) and no IP check fails', () => {
    const { app } = synthCluster(fixtureConfig('three-nodes.yml'), { context: {}, lockFile: false });
    const missing = app.synth().manifest.missing ?? [];
    expect(missing.map((entry) => entry.key)).toEqual(expect.arrayContaining([subnetContextKey('subnet-0aaaaaaaaaaaaaaa1'), subnetContextKey('subnet-0ccccccccccccccc3')]));
    const query = missing.find((entry) => entry.key === subnetContextKey('subnet-0aaaaaaaaaaaaaaa1'))!.props as unknown as Record<string, unknown>;
    expect(query).toMatchObject({ typeName: 'AWS::EC2::Subnet', exactIdentifier: 'subnet-0aaaaaaaaaaaaaaa1', propertiesToReturn: ['AvailabilityZone', 'CidrBlock'] });
  });

  test('an env-agnostic stack without vpc is a config error that says what to do', () => {
    const app = new App({ context: threeNodeContext() });
    const stack = new Stack(app, 'NoEnv');
    const config = editedConfig('three-nodes.yml', (c) => { c.aws.ami = 'ami-0123456789abcdef0'; });
    expect(problemsOf(() => new ComposeCluster(stack, 'Cluster', { config, lockFile: false }))).toMatch(/cluster\.aws\.nodes\[0\]\.subnet: .*pass the `vpc` prop, or give the stack an env/);
  });

  test('the looked-up CIDR checks the IPs', () => {
    const config = editedConfig('three-nodes.yml', (c) => { c.aws.nodes[1].ip = '10.0.9.10'; });
    expect(problemsOf(() => synthCluster(config))).toMatch(/cluster\.aws\.nodes\[1\]\.ip: 10\.0\.9\.10 is outside the subnet's CIDR block 10\.0\.2\.0\/24/);
  });
});

describe('with vpc', () => {
  test('AZs come from the vpc and no lookup is made', () => {
    const { template, app } = synthCluster(fixtureConfig('three-nodes.yml'), { context: threeNodeContext() }, (stack) => ({ vpc: fixtureVpc(stack) }));
    template.hasResourceProperties('AWS::EC2::Volume', { AvailabilityZone: 'eu-west-1c', Tags: Match.arrayWith([{ Key: 'Name', Value: 'kafka-test-2' }]) });
    expect((app.synth().manifest.missing ?? []).filter((entry) => entry.provider === 'cc-api-provider')).toEqual([]);
  });

  test('a node subnet that is not in the vpc is an error listing the vpc subnets', () => {
    const config = editedConfig('three-nodes.yml', (c) => { c.aws.nodes[2].subnet = 'subnet-0ddddddddddddddd4'; });
    expect(problemsOf(() => synthCluster(config, {}, (stack) => ({ vpc: fixtureVpc(stack) })))).toMatch(
      /cluster\.aws\.nodes\[2\]\.subnet: subnet subnet-0ddddddddddddddd4 is not a subnet of the given vpc \(its subnets: subnet-0aaaaaaaaaaaaaaa1, subnet-0bbbbbbbbbbbbbbb2, subnet-0ccccccccccccccc3\)/,
    );
  });

  test.each([
    ['10.0.1.0', 'reserves'], // network address
    ['10.0.1.1', 'reserves'], // VPC router
    ['10.0.1.2', 'reserves'], // DNS
    ['10.0.1.3', 'reserves'], // reserved for future use
    ['10.0.1.255', 'broadcast'],
    ['10.0.0.10', 'outside'],
  ])('IP %s is rejected (%s)', (ip, reason) => {
    const config = schemaOnlyConfig('three-nodes.yml', (c) => { c.aws.nodes[0].ip = ip; });
    const message = problemsOf(() => synthCluster(config, {}, (stack) => ({ vpc: fixtureVpc(stack) })));
    expect(message).toContain('cluster.aws.nodes[0].ip');
    expect(message).toContain(reason);
  });

  test('an IP that is not IPv4 is a config error naming the key', () => {
    const message = problemsOf(() => synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.nodes[0].ip = '10.0.1.300'; })));
    expect(message).toContain('cluster.aws.nodes[0].ip');
    expect(message).toContain('IPv4 address');
  });

  test.each(['10.0.1.4', '10.0.1.254'])('IP %s, the first and last usable address, is accepted', (ip) => {
    const config = editedConfig('three-nodes.yml', (c) => { c.aws.nodes[0].ip = ip; });
    const { template } = synthCluster(config, {}, (stack) => ({ vpc: fixtureVpc(stack) }));
    template.hasResourceProperties('AWS::EC2::NetworkInterface', { PrivateIpAddress: ip });
  });

  test('every bad IP and duplicate is reported at once', () => {
    const config = schemaOnlyConfig('three-nodes.yml', (c) => {
      c.aws.nodes[0].ip = '10.0.1.1';
      c.aws.nodes[1].ip = '10.0.2.255';
      c.aws.nodes[2].ip = '10.0.2.255';
      c.aws.nodes[2].subnet = 'subnet-0bbbbbbbbbbbbbbb2';
    });
    const message = problemsOf(() => synthCluster(config, {}, (stack) => ({ vpc: fixtureVpc(stack) })));
    expect(message).toMatch(/^4 problems/);
    expect(message).toContain('cluster.aws.nodes[2].ip: 10.0.2.255 is also the IP of aws.nodes[1]');
  });
});
