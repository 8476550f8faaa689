/**
 * Large clusters (CloudFormation's 500 resources per stack) and several
 * clusters in one app.
 */
import { App, NestedStack, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ComposeCluster } from '../../lib/constructs';
import { editedConfig, ENV, fixtureConfig, tempDir, threeNodeContext } from './support';
import * as path from 'path';

const SUBNETS = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2', 'subnet-0ccccccccccccccc3'];

function nodesConfig(count: number) {
  return editedConfig('three-nodes.yml', (c) => {
    c.aws.nodes = Array.from({ length: count }, (_, id) => ({ id, ip: `10.0.${(id % 3) + 1}.${10 + Math.floor(id / 3)}`, subnet: SUBNETS[id % 3] }));
  });
}

function build(count: number, nodesPerStack?: number) {
  const app = new App({ context: threeNodeContext() });
  const stack = new Stack(app, 'Stack', { env: ENV });
  const cluster = new ComposeCluster(stack, 'Cluster', { config: nodesConfig(count), lockFile: false, nodesPerStack });
  return { app, stack, cluster };
}

describe('clusters larger than one stack', () => {
  test('100 nodes without nodesPerStack fail at synth with an error that says how to split', () => {
    expect(() => build(100)).toThrow(/cluster\.aws\.nodes: 100 nodes need about 500 resources \(5 per node\), over CloudFormation's 500 per stack\. Set the ComposeCluster prop nodesPerStack \(at most 81\)/);
  });

  test('100 nodes with nodesPerStack synthesize in nested stacks, each under 500 resources, nodes placed by id', () => {
    const { stack, cluster } = build(100, 40);
    expect(cluster.nodeStacks.map((nested) => nested.node.id)).toEqual(['Nodes0', 'Nodes1', 'Nodes2']);
    const parent = Template.fromStack(stack);
    parent.resourceCountIs('AWS::CloudFormation::Stack', 3);
    parent.resourceCountIs('AWS::EC2::Instance', 0);
    const counts = cluster.nodeStacks.map((nested) => {
      const template = Template.fromStack(nested as NestedStack);
      const resources = Object.keys(template.toJSON().Resources).length;
      expect(resources).toBeLessThan(500);
      return Object.keys(template.findResources('AWS::EC2::Instance')).length;
    });
    expect(counts).toEqual([40, 40, 20]);
    expect(cluster.nodeById(45).scope).toBe(cluster.nodeStacks[1]);
  });

  test('a node keeps its nested stack when others are removed (placement by id, not position)', () => {
    const { cluster } = build(100, 40);
    const config = editedConfig('three-nodes.yml', (c) => {
      c.aws.nodes = Array.from({ length: 100 }, (_, id) => ({ id, ip: `10.0.${(id % 3) + 1}.${10 + Math.floor(id / 3)}`, subnet: SUBNETS[id % 3] })).filter((node) => node.id >= 20);
    });
    const app = new App({ context: threeNodeContext() });
    const trimmed = new ComposeCluster(new Stack(app, 'Stack', { env: ENV }), 'Cluster', { config, lockFile: false, nodesPerStack: 40 });
    expect(trimmed.nodeById(45).networkInterface.node.path).toBe(cluster.nodeById(45).networkInterface.node.path);
    expect(trimmed.nodeById(45).dataVolumes.data.node.path).toBe(cluster.nodeById(45).dataVolumes.data.node.path);
  });

  test('nodesPerStack too large for the stack limit is an error', () => {
    expect(() => build(100, 100)).toThrow(/nodesPerStack 100 x 6 resources per node exceeds 500 per stack; use at most 83/);
  });

  test('nodesPerStack needs integer node ids', () => {
    const config = editedConfig('three-nodes.yml', (c) => { c.aws.nodes[1].id = 'b'; });
    const app = new App({ context: threeNodeContext() });
    expect(() => new ComposeCluster(new Stack(app, 'Stack', { env: ENV }), 'Cluster', { config, lockFile: false, nodesPerStack: 10 })).toThrow(/cluster\.aws\.nodes\[1\]\.id: nodesPerStack places nodes by integer id/);
  });
});

describe('several clusters in one app', () => {
  test('two clusters in one stack do not collide', () => {
    const app = new App({ context: threeNodeContext() });
    const stack = new Stack(app, 'Stack', { env: ENV });
    const lockFile = path.join(tempDir(), 'lock.json');
    new ComposeCluster(stack, 'Kafka', { config: fixtureConfig('three-nodes.yml'), lockFile });
    new ComposeCluster(stack, 'Kafka2', { config: editedConfig('three-nodes.yml', (c) => { c.name = 'kafka-two'; c.aws.nodes.forEach((n: { ip: string }) => { n.ip = n.ip.replace(/10$/, '20'); }); }), lockFile });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::Instance', 6);
    template.resourceCountIs('AWS::EC2::NetworkInterface', 6);
    template.resourceCountIs('AWS::IAM::Role', 2);
    const names = Object.values(template.findResources('AWS::EC2::Instance')).map((r) => r.Properties.Tags.find((t: { Key: string }) => t.Key === 'Name').Value);
    expect(new Set(names).size).toBe(6);
  });

  test('the same config in two stacks of one app (e.g. two regions) synthesizes, with separate pins', () => {
    const context = {
      ...threeNodeContext(),
      ...Object.fromEntries(Object.entries(threeNodeContext()).map(([key, value]) => [key.replace('us-east-1', 'eu-west-1'), value])),
    };
    const app = new App({ context });
    const lockFile = path.join(tempDir(), 'lock.json');
    const east = new Stack(app, 'East', { env: ENV });
    const west = new Stack(app, 'West', { env: { ...ENV, region: 'eu-west-1' } });
    new ComposeCluster(east, 'Cluster', { config: fixtureConfig('three-nodes.yml'), lockFile });
    new ComposeCluster(west, 'Cluster', { config: fixtureConfig('three-nodes.yml'), lockFile });
    const assembly = app.synth();
    expect(assembly.stacks.map((s) => s.stackName).sort()).toEqual(['East', 'West']);
    const lock = JSON.parse(require('fs').readFileSync(lockFile, 'utf8'));
    expect(Object.keys(lock.targets).sort()).toEqual(['aws://123456789012/eu-west-1/kafka-test', 'aws://123456789012/us-east-1/kafka-test']);
  });
});
