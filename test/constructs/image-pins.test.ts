/**
 * Per-node image pins in the lock file, and two-step replacement (omitting a
 * node's instance while its network interface and data volumes stay).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ImageLockFile, lockTargetKey } from '../../lib/constructs';
import { ACCOUNT, editedConfig, fixtureConfig, imageContextKey, REGION, synthCluster, tempDir, threeNodeContext } from './support';

const TARGET = lockTargetKey(ACCOUNT, REGION, 'kafka-test');
const NEWEST = 'ami-0123456789abcdef0';
const OLD = 'ami-0aaaaaaaaaaaaaaaa';

function lockWith(entries: Record<string, object>): string {
  const file = path.join(tempDir(), 'cloud-compose.lock.json');
  fs.writeFileSync(file, JSON.stringify({ lockfileVersion: 1, targets: { [TARGET]: entries } }));
  return file;
}

function readLock(file: string) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function imageIds(template: Template): Record<string, string> {
  return Object.fromEntries(Object.entries(template.findResources('AWS::EC2::Instance')).map(([id, r]) => [id.replace(/^ClusterNode(\w+?)Instance.*$/, '$1'), r.Properties.ImageId]));
}

describe('pinning', () => {
  test('a Name tag resolves to the looked-up image, and each node is pinned in the lock file', () => {
    const { template, lockFile } = synthCluster(fixtureConfig('three-nodes.yml'));
    expect(imageIds(template)).toEqual({ 0: NEWEST, 1: NEWEST, 2: NEWEST });
    const lock = readLock(lockFile);
    expect(Object.keys(lock.targets)).toEqual([`aws://${ACCOUNT}/${REGION}/kafka-test`]);
    expect(lock.targets[TARGET]['1'].image).toMatchObject({ imageId: NEWEST, ami: 'docker-host' });
    expect(Object.keys(lock.targets[TARGET])).toEqual(['0', '1', '2']);
  });

  test('the lookup is by tag:Name with the configured owners', () => {
    const config = editedConfig('three-nodes.yml', (c) => { c.aws.ami_owners = ['111122223333']; });
    const { template } = synthCluster(config, { context: threeNodeContext({ [imageContextKey('docker-host', ['111122223333'])]: 'ami-0bbbbbbbbbbbbbbbb' }) });
    expect(new Set(Object.values(imageIds(template)))).toEqual(new Set(['ami-0bbbbbbbbbbbbbbbb']));
  });

  test('an ami- id is used as is', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.ami = 'ami-0fedcba9876543210'; }), { context: threeNodeContext({ [imageContextKey('docker-host')]: undefined }) });
    expect(new Set(Object.values(imageIds(template)))).toEqual(new Set(['ami-0fedcba9876543210']));
  });

  test('pinned nodes keep their image although a newer one exists; only the new node gets the newest', () => {
    const lockFile = lockWith({ 0: { image: { imageId: OLD, ami: 'docker-host', pinnedAt: '2026-01-01T00:00:00.000Z' } }, 1: { image: { imageId: OLD, ami: 'docker-host', pinnedAt: '2026-01-01T00:00:00.000Z' } } });
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'), { lockFile });
    expect(imageIds(template)).toEqual({ 0: OLD, 1: OLD, 2: NEWEST });
    const lock = readLock(lockFile);
    expect(lock.targets[TARGET]['0'].image).toEqual({ imageId: OLD, ami: 'docker-host', pinnedAt: '2026-01-01T00:00:00.000Z' });
    expect(lock.targets[TARGET]['2'].image.imageId).toBe(NEWEST);
  });

  test('a changed aws.ami keeps the pin and warns with the upgrade command', () => {
    const pins = { imageId: OLD, ami: 'docker-host', pinnedAt: '2026-01-01T00:00:00.000Z' };
    const lockFile = lockWith({ 0: { image: pins }, 1: { image: pins }, 2: { image: pins } });
    const config = editedConfig('three-nodes.yml', (c) => { c.aws.ami = 'ami-0fedcba9876543210'; });
    const { template, stack } = synthCluster(config, { lockFile });
    expect(imageIds(template)).toEqual({ 0: OLD, 1: OLD, 2: OLD });
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp(`node 1 stays on ${OLD} .*aws.ami is now "ami-0fedcba9876543210". To move the node: compose-cluster upgrade-node --node 1`));
  });

  test('the placeholder image of a lookup that has not run is never pinned', () => {
    const { app, lockFile } = synthCluster(fixtureConfig('three-nodes.yml'), { context: threeNodeContext({ [imageContextKey('docker-host')]: undefined }) });
    // Data volumes may be recorded (their subnets are known); no image is pinned.
    const lock = ImageLockFile.read(lockFile);
    for (const node of ['0', '1', '2']) expect(lock.entry(TARGET, node).image).toBeUndefined();
    expect((app.synth().manifest.missing ?? []).map((entry) => entry.key)).toContain(imageContextKey('docker-host'));
  });

  test('pins are per account and region', () => {
    const lockFile = path.join(tempDir(), 'cloud-compose.lock.json');
    fs.writeFileSync(lockFile, JSON.stringify({ lockfileVersion: 1, targets: { [lockTargetKey('999999999999', 'eu-west-1', 'kafka-test')]: { 0: { image: { imageId: OLD, ami: 'docker-host', pinnedAt: 'x' } } } } }));
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'), { lockFile });
    expect(imageIds(template)['0']).toBe(NEWEST);
  });

  test('updateLockFile: false reads pins but writes none', () => {
    const { lockFile } = synthCluster(fixtureConfig('three-nodes.yml'), { updateLockFile: false });
    expect(fs.existsSync(lockFile)).toBe(false);
  });

  test('the lock file defaults to cloud-compose.lock.json beside the config', () => {
    const config = editedConfig('three-nodes.yml', () => undefined);
    synthCluster(config, { lockFile: undefined });
    expect(readLock(path.join(path.dirname(config.file), 'cloud-compose.lock.json')).targets[TARGET]['0'].image.imageId).toBe(NEWEST);
  });

  test('a corrupt lock file is an error that names it', () => {
    const lockFile = path.join(tempDir(), 'cloud-compose.lock.json');
    fs.writeFileSync(lockFile, '{ not json');
    expect(() => synthCluster(fixtureConfig('three-nodes.yml'), { lockFile })).toThrow(new RegExp(`${lockFile}: not valid JSON`));
  });

  test('writing is stable: a second synth leaves the file byte-identical', () => {
    const { lockFile } = synthCluster(fixtureConfig('three-nodes.yml'));
    const first = fs.readFileSync(lockFile, 'utf8');
    synthCluster(fixtureConfig('three-nodes.yml'), { lockFile, context: threeNodeContext({ [imageContextKey('docker-host')]: 'ami-0ccccccccccccccccc' }) });
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(first);
  });
});

describe('wait condition', () => {
  test('one handle and one condition per node, Count 1, Timeout from signal_timeout, after the instance', () => {
    const { template, cluster, stack } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.signal_timeout = '1h'; }));
    template.resourceCountIs('AWS::CloudFormation::WaitConditionHandle', 3);
    template.resourceCountIs('AWS::CloudFormation::WaitCondition', 3);
    const node = cluster.nodeById(0);
    template.hasResource('AWS::CloudFormation::WaitCondition', {
      Properties: { Count: 1, Timeout: '3600', Handle: { Ref: Match.stringLikeRegexp('^ClusterNode0BootHandle') } },
      DependsOn: [stack.resolve(node.instance!.logicalId)],
    });
  });

  test('signal_timeout in minutes', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.signal_timeout = 20; }));
    template.allResourcesProperties('AWS::CloudFormation::WaitCondition', { Timeout: '1200' });
  });

  test('the user data signals the handle URL', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    const handleId = Object.keys(template.findResources('AWS::CloudFormation::WaitConditionHandle')).find((id) => id.startsWith('ClusterNode2'))!;
    template.hasResourceProperties('AWS::EC2::Instance', {
      Tags: Match.arrayWith([{ Key: 'Name', Value: 'kafka-test-2' }]),
      UserData: { 'Fn::Base64': { 'Fn::Join': ['', Match.arrayWith([{ Ref: handleId }])] } },
    });
  });

  test('a node on another image gets a new wait condition (new logical ids), so CloudFormation waits again', () => {
    const before = synthCluster(fixtureConfig('three-nodes.yml')).cluster.nodeById(0).waitCondition!.node.id;
    const lockFile = lockWith({ 0: { image: { imageId: OLD, ami: 'docker-host', pinnedAt: 'x' } } });
    const after = synthCluster(fixtureConfig('three-nodes.yml'), { lockFile }).cluster.nodeById(0).waitCondition!.node.id;
    expect(after).not.toBe(before);
  });
});

describe('two-step replacement: omitting an instance', () => {
  function logicalIds(template: Template): Record<string, string> {
    return Object.fromEntries(Object.entries(template.toJSON().Resources as Record<string, { Type: string }>).map(([id, r]) => [id, r.Type]));
  }

  test.each([
    ['context with node id', { context: threeNodeContext({ 'compose-cluster:omit-instance': '1' }) }],
    ['context with cluster/node', { context: threeNodeContext({ 'compose-cluster:omit-instance': 'kafka-test/1' }) }],
    ['prop', { omitInstances: [1] }],
  ])('via %s: the instance and its wait condition go, ENI, data volumes and their logical ids stay', (_how, options) => {
    const full = logicalIds(synthCluster(fixtureConfig('three-nodes.yml')).template);
    const { template, cluster } = synthCluster(fixtureConfig('three-nodes.yml'), options);
    const omitted = logicalIds(template);
    const removed = Object.keys(full).filter((id) => !(id in omitted));
    expect(removed.map((id) => full[id]).sort()).toEqual(['AWS::CloudFormation::WaitCondition', 'AWS::CloudFormation::WaitConditionHandle', 'AWS::EC2::Instance']);
    expect(removed.every((id) => id.startsWith('ClusterNode1'))).toBe(true);
    expect(Object.keys(omitted).filter((id) => !(id in full))).toEqual([]);
    expect(cluster.nodeById(1).instance).toBeUndefined();
    expect(cluster.nodeById(1).networkInterface).toBeDefined();
  });

  test('a context naming another cluster leaves this one alone', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'), { context: threeNodeContext({ 'compose-cluster:omit-instance': 'other-cluster/1' }) });
    template.resourceCountIs('AWS::EC2::Instance', 3);
  });

  test('the lock file omitInstance state omits the node and keeps its EIP on the interface', () => {
    const lockFile = lockWith({ 2: { omitInstance: true } });
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.nodes[2].eip = 'eipalloc-0123456789abcdef0'; }), { lockFile });
    template.resourceCountIs('AWS::EC2::Instance', 2);
    template.resourceCountIs('AWS::EC2::EIPAssociation', 1);
    const { volumes, ...entry } = ImageLockFile.read(lockFile).entry(TARGET, '2');
    expect(entry).toEqual({ omitInstance: true });
    expect(Object.keys(volumes ?? {})).toEqual(['data']); // its data volume stays, and stays recorded
  });

  test('omitting a node with termination protection on warns that CloudFormation cannot delete it', () => {
    const { stack } = synthCluster(fixtureConfig('three-nodes.yml'), { omitInstances: [1] });
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp("node 1's instance is left out, but aws.terminate_protection is on"));
  });

  test('no such warning when termination protection is off', () => {
    const { stack } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.terminate_protection = false; }), { omitInstances: [1] });
    Annotations.fromStack(stack).hasNoWarning('/Stack/Cluster', Match.stringLikeRegexp('terminate_protection'));
  });

  test('the lock file unprotect state turns termination protection off for that node only', () => {
    const pin = { imageId: NEWEST, ami: 'docker-host', pinnedAt: 'x' };
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'), { lockFile: lockWith({ 0: { image: pin }, 1: { image: pin, unprotect: true }, 2: { image: pin } }) });
    const protectedById = Object.fromEntries(Object.entries(template.findResources('AWS::EC2::Instance')).map(([id, r]) => [id.replace(/Instance.*/, ''), r.Properties.DisableApiTermination]));
    expect(protectedById).toEqual({ ClusterNode0: true, ClusterNode1: false, ClusterNode2: true });
  });

  test('an unknown node id warns', () => {
    const { stack } = synthCluster(fixtureConfig('three-nodes.yml'), { omitInstances: [7] });
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp('omit-instance names node "7"'));
  });
});

describe('launch records: warnings before restarts and impossible replacements', () => {
  const pin = { imageId: NEWEST, ami: 'docker-host', pinnedAt: 'x' };

  test('the first synth of an instance records its launch settings', () => {
    const { lockFile } = synthCluster(fixtureConfig('three-nodes.yml'));
    expect(readLock(lockFile).targets[TARGET]['0'].launch).toMatchObject({ instanceType: 'm5.large', keyName: 'ops', ebsOptimized: false, blockDevices: expect.any(String), userData: expect.any(String) });
  });

  test('an unchanged config gives no warning', () => {
    const { lockFile } = synthCluster(fixtureConfig('three-nodes.yml'));
    const { stack } = synthCluster(fixtureConfig('three-nodes.yml'), { lockFile });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('changed since its instance was created'));
  });

  test('a new instance type warns that every node restarts', () => {
    const { lockFile } = synthCluster(fixtureConfig('three-nodes.yml'));
    const { stack } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.instance_type = 'm5.xlarge'; }), { lockFile });
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp('node 2: instance type m5.large -> m5.xlarge changed since its instance was created; a deploy stops and starts it'));
  });

  test('a new user data (changed template data) warns that it does not run again', () => {
    const { lockFile } = synthCluster(fixtureConfig('three-nodes.yml'));
    const { stack } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.name = 'kafka-test'; c.environment = { EXTRA: '1' }; }), {
      lockFile,
      userData: (input) => `#!/bin/bash\necho ${JSON.stringify(input.config.cluster.environment)} ${input.signalUrl}\n`,
    });
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp('node 0: user data changed since its instance was created'));
  });

  test('a new key pair or root volume warns that CloudFormation would have to replace the instance', () => {
    const { lockFile } = synthCluster(fixtureConfig('three-nodes.yml'));
    const { stack } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.keypair = 'other'; c.aws.volumes[0].size = '40G'; }), { lockFile });
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp('node 1: key pair, root/mapped volumes changed since its instance was created; CloudFormation would have to replace the instance'));
  });

  test('leaving the instance out forgets the record, so the re-created instance records its own', () => {
    const lockFile = lockWith({ 1: { image: pin, launch: { instanceType: 't2.micro', ebsOptimized: false, blockDevices: 'x', userData: 'y' } } });
    synthCluster(fixtureConfig('three-nodes.yml'), { lockFile, omitInstances: [1] });
    expect(readLock(lockFile).targets[TARGET]['1'].launch).toBeUndefined();
    const { stack } = synthCluster(fixtureConfig('three-nodes.yml'), { lockFile });
    Annotations.fromStack(stack).hasNoWarning('*', Match.stringLikeRegexp('changed since its instance was created'));
    expect(readLock(lockFile).targets[TARGET]['1'].launch.instanceType).toBe('m5.large');
  });
});
