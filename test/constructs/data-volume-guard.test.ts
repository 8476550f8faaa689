/**
 * Data volumes are never replaced or deleted by an ordinary config edit: the
 * lock file records each one's replacement-only properties at first synth.
 */
import * as fs from 'fs';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { ConfigError } from '../../lib/config';
import { lockTargetKey, REPLACE_VOLUME_CONTEXT } from '../../lib/constructs';
import { ACCOUNT, Data, editedConfig, REGION, subnetContextKey, synthCluster, threeNodeContext } from './support';

const TARGET = lockTargetKey(ACCOUNT, REGION, 'kafka-test');
const SNAP = 'snap-0123456789abcdef0';

function readLock(file: string): Data {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function volumesOf(template: Template): Record<string, Data> {
  return Object.fromEntries(Object.entries(template.findResources('AWS::EC2::Volume')).map(([id, resource]) => [id, resource.Properties]));
}

/** First synth of the fixture with `first` applied, then a second synth of `second`, sharing the lock file. */
function twoSynths(first: (cluster: Data) => void, second: (cluster: Data) => void, context: Record<string, unknown> = {}) {
  const initial = synthCluster(editedConfig('three-nodes.yml', first));
  const recorded = readLock(initial.lockFile);
  const run = () => synthCluster(editedConfig('three-nodes.yml', second), { lockFile: initial.lockFile, context: threeNodeContext(context) });
  return { initial, recorded, run };
}

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected synth to fail');
}

const withSnapshot = (cluster: Data) => { cluster.aws.volumes[2].snapshot = SNAP; };
const unchanged = () => {};

test('the first synth records every data volume of every node', () => {
  const { recorded } = twoSynths(withSnapshot, unchanged);
  expect(recorded.targets[TARGET]['1'].volumes).toEqual({ data: { availabilityZone: 'us-east-1b', snapshotId: SNAP, encrypted: true } });
  expect(Object.keys(recorded.targets[TARGET])).toEqual(['0', '1', '2']);
});

test('removing `snapshot` after the volume exists keeps the recorded SnapshotId (no replacement), with an info', () => {
  const { run } = twoSynths(withSnapshot, unchanged);
  const { template, stack } = run();
  for (const props of Object.values(volumesOf(template))) expect(props.SnapshotId).toBe(SNAP);
  const infos = Annotations.fromStack(stack).findInfo('*', Match.stringLikeRegexp('volume "data" already exists.*keeps SnapshotId snap-0123456789abcdef0'));
  expect(infos).toHaveLength(3);
});

test('a changed snapshot keeps the recorded one and warns how to restore deliberately', () => {
  const { run } = twoSynths(withSnapshot, (c) => { c.aws.volumes[2].snapshot = 'snap-0fffffffffffffff0'; });
  const { template, stack } = run();
  for (const props of Object.values(volumesOf(template))) expect(props.SnapshotId).toBe(SNAP);
  const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`${REPLACE_VOLUME_CONTEXT}=1/data`));
  expect(warnings).toHaveLength(1);
});

test('a snapshot added to an existing blank volume is not applied', () => {
  const { run } = twoSynths(unchanged, withSnapshot);
  for (const props of Object.values(volumesOf(run().template))) expect(props.SnapshotId).toBeUndefined();
});

test('moving a node to a subnet in another AZ fails synth naming node, volume, old and new AZ', () => {
  const { run } = twoSynths(unchanged, (c) => { c.aws.nodes[1].subnet = 'subnet-0ccccccccccccccc3'; c.aws.nodes[1].ip = '10.0.3.11'; });
  const message = errorOf(run);
  expect(message).toContain('cluster.aws.nodes[1].subnet');
  expect(message).toContain('node 1, data volume "data": AvailabilityZone us-east-1b -> us-east-1c');
  expect(message).toContain(`-c ${REPLACE_VOLUME_CONTEXT}=1/data`);
  expect(message).not.toContain('node 0');
});

test('turning encryption off fails synth for every node at once', () => {
  const { run } = twoSynths(unchanged, (c) => { c.aws.volumes[2].encrypted = false; });
  const message = errorOf(run);
  expect(message).toMatch(/^3 problems/);
  for (const node of ['0', '1', '2']) expect(message).toContain(`node ${node}, data volume "data": Encrypted true -> false`);
});

test('a new KMS key for encrypted volumes fails synth', () => {
  const first = (c: Data) => { c.aws.encrypted = true; };
  const initial = synthCluster(editedConfig('three-nodes.yml', first));
  const arn = 'arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555';
  const message = errorOf(() =>
    synthCluster(editedConfig('three-nodes.yml', first), { lockFile: initial.lockFile }, (stack) => ({
      ebsEncryptionKey: require('aws-cdk-lib/aws-kms').Key.fromKeyArn(stack, 'Key', arn),
    })),
  );
  expect(message).toContain(`KmsKeyId aws/ebs -> ${arn}`);
});

test('a renamed data volume fails synth: its old logical id would be deleted', () => {
  const { run } = twoSynths(unchanged, (c) => { c.aws.volumes[2].name = 'kafka'; });
  const message = errorOf(run);
  expect(message).toContain('data volume "data" of node 1');
  expect(message).toContain('is no longer a data volume in the config');
  expect(message).toContain('deletes the volume');
});

test('a removed node with recorded volumes fails synth', () => {
  const { run } = twoSynths(unchanged, (c) => { c.aws.nodes.pop(); });
  const message = errorOf(run);
  expect(message).toContain('cluster.aws.nodes: data volume "data" of node 2');
  expect(message).toContain('node 2, which is no longer in the config');
  expect(message).toContain(`${REPLACE_VOLUME_CONTEXT}=2/data`);
});

test('the replace-volume context lets a deliberate change through and records it', () => {
  const move = (c: Data) => { c.aws.nodes[1].subnet = 'subnet-0ccccccccccccccc3'; c.aws.nodes[1].ip = '10.0.3.11'; };
  const { run, initial } = twoSynths(unchanged, move, { [REPLACE_VOLUME_CONTEXT]: '1/data' });
  const { template, stack } = run();
  const node1 = Object.entries(volumesOf(template)).find(([id]) => id.startsWith('ClusterNode1'))![1];
  expect(node1.AvailabilityZone).toBe('us-east-1c');
  expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('volume "data": replaced as asked'))).toHaveLength(1);
  expect(readLock(initial.lockFile).targets[TARGET]['1'].volumes.data.availabilityZone).toBe('us-east-1c');
  // Recorded: the next synth without the context is quiet.
  expect(() => synthCluster(editedConfig('three-nodes.yml', move), { lockFile: initial.lockFile })).not.toThrow();
});

test('the replaceVolumes prop accepts a removed node (NODE/*) and forgets its volumes', () => {
  const { initial } = twoSynths(unchanged, unchanged);
  synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.nodes.pop(); }), { lockFile: initial.lockFile, replaceVolumes: ['2/*'] });
  expect(readLock(initial.lockFile).targets[TARGET]['2'].volumes).toBeUndefined();
});

test('size and type changes update in place and are not blocked', () => {
  const { run } = twoSynths(unchanged, (c) => { c.aws.volumes[2].size = '200G'; c.aws.volumes[2].volume_type = 'io2'; c.aws.volumes[2].iops = 4000; });
  expect(Object.values(volumesOf(run().template)).every((props) => props.Size === 200)).toBe(true);
});

test('a pending subnet lookup records nothing and compares no AZ', () => {
  const initial = synthCluster(editedConfig('three-nodes.yml', unchanged), { context: threeNodeContext({ [subnetContextKey('subnet-0bbbbbbbbbbbbbbb2')]: undefined }) });
  const lock = readLock(initial.lockFile);
  expect(lock.targets[TARGET]['1']?.volumes).toBeUndefined();
  expect(lock.targets[TARGET]['0'].volumes.data.availabilityZone).toBe('us-east-1a');
});

test('switching a fixed-IP cluster to ASG mode fails while its data volumes are recorded', () => {
  const { initial } = twoSynths(unchanged, unchanged);
  const toAsg = (c: Data) => {
    delete c.aws.nodes;
    c.aws.asg = { subnets: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2', 'subnet-0ccccccccccccccc3'] };
  };
  const message = errorOf(() => synthCluster(editedConfig('three-nodes.yml', toAsg), { lockFile: initial.lockFile }));
  for (const node of ['0', '1', '2']) expect(message).toContain(`data volume "data" of node ${node}`);
  expect(() => synthCluster(editedConfig('three-nodes.yml', toAsg), { lockFile: initial.lockFile, replaceVolumes: ['0/*', '1/*', '2/data'] })).not.toThrow();
  expect(Object.values(readLock(initial.lockFile).targets[TARGET]).some((entry: Data) => entry.volumes)).toBe(false);
});
