/**
 * `compose-cluster upgrade-node`: the two-step upgrade of one node, driven
 * through the lock file and cdk.context.json, checked on the synthesized templates.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { loadConfig } from '../../lib/config';
import { ComposeCluster } from '../../lib/constructs';
import { ENV, FIXTURES, imageContextKey, tempDir, threeNodeContext } from '../constructs/support';
import { runCli } from './support';

const OLD = 'ami-0123456789abcdef0';
const NEW = 'ami-0fffffffffffffff0';

/** A project folder as a user has it: cdk.json, cdk.context.json, and the config with its templates (in `configDir` below it). */
function project(configDir = '.'): string {
  const dir = tempDir();
  fs.cpSync(FIXTURES, path.join(dir, configDir), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cdk.json'), JSON.stringify({ app: 'npx tsx bin/app.ts' }));
  fs.writeFileSync(path.join(dir, 'cdk.context.json'), JSON.stringify(threeNodeContext(), null, 2));
  return dir;
}

/** Synthesizes as `cdk synth` would: context from cdk.context.json, lock file beside the config. */
function synth(dir: string): Template {
  const context = JSON.parse(fs.readFileSync(path.join(dir, 'cdk.context.json'), 'utf8'));
  const app = new App({ context });
  const stack = new Stack(app, 'Stack', { env: ENV });
  new ComposeCluster(stack, 'Cluster', { config: loadConfig({ file: path.join(dir, 'three-nodes.yml'), env: {} }) });
  return Template.fromStack(stack);
}

function cli(dir: string, ...argv: string[]) {
  return runCli(['upgrade-node', ...argv], { cwd: dir });
}

function images(template: Template): Record<string, string> {
  return Object.fromEntries(Object.entries(template.findResources('AWS::EC2::Instance')).map(([id, r]) => [id.replace(/^ClusterNode(\w+?)Instance.*$/, '$1'), r.Properties.ImageId]));
}

function protection(template: Template): Record<string, boolean> {
  return Object.fromEntries(Object.entries(template.findResources('AWS::EC2::Instance')).map(([id, r]) => [id.replace(/^ClusterNode(\w+?)Instance.*$/, '$1'), r.Properties.DisableApiTermination]));
}

/** The AWS side changing: a newer image with the same Name tag exists (the CLI would find it on a fresh lookup). */
function publishNewImage(dir: string): void {
  const file = path.join(dir, 'cdk.context.json');
  const context = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!(imageContextKey('docker-host') in context)) context[imageContextKey('docker-host')] = NEW;
  fs.writeFileSync(file, JSON.stringify(context));
}

test('upgrading one node: remove its instance, deploy, bring it back on the newest image with the same ENI and volume', async () => {
  const dir = project();
  const first = synth(dir);
  expect(images(first)).toEqual({ 0: OLD, 1: OLD, 2: OLD });
  const resourceIds = (template: Template) => Object.keys(template.toJSON().Resources);

  // Step 0: termination protection (on by default) is turned off for node 1 only, in place.
  const step0 = await cli(dir, '--node', '1', '--config', 'three-nodes.yml');
  expect(step0).toMatchObject({ code: 0, stderr: '' });
  expect(step0.stdout).toContain('termination protection');
  const unprotected = synth(dir);
  expect(images(unprotected)).toEqual({ 0: OLD, 1: OLD, 2: OLD });
  expect(protection(unprotected)).toEqual({ 0: true, 1: false, 2: true });
  expect(resourceIds(unprotected)).toEqual(resourceIds(first));

  const step1 = await cli(dir, '--node', '1', '--config', 'three-nodes.yml');
  expect(step1).toMatchObject({ code: 0, stderr: '' });
  expect(step1.stdout).toContain('cdk deploy');
  const removed = synth(dir);
  expect(images(removed)).toEqual({ 0: OLD, 2: OLD });
  expect(resourceIds(removed).filter((id) => id.startsWith('ClusterNode1')).sort()).toEqual(
    resourceIds(first).filter((id) => id.startsWith('ClusterNode1') && /NetworkInterface|Volume/.test(id)).sort(),
  );

  const step2 = await cli(dir, '--node', '1', '--finish', '--config', 'three-nodes.yml');
  expect(step2).toMatchObject({ code: 0, stderr: '' });
  expect(step2.stdout).toContain('Forgot 1 cached lookup(s) of image "docker-host"');
  publishNewImage(dir); // what the CDK CLI's fresh lookup would now find
  const upgraded = synth(dir);
  expect(images(upgraded)).toEqual({ 0: OLD, 1: NEW, 2: OLD });
  expect(protection(upgraded)).toEqual({ 0: true, 1: true, 2: true });
  expect(resourceIds(upgraded).filter((id) => /NetworkInterface|Volume/.test(id))).toEqual(resourceIds(first).filter((id) => /NetworkInterface|Volume/.test(id)));

  const lock = JSON.parse(fs.readFileSync(path.join(dir, 'cloud-compose.lock.json'), 'utf8'));
  const pins = lock.targets['aws://123456789012/us-east-1/kafka-test'];
  expect([pins['0'].image.imageId, pins['1'].image.imageId, pins['2'].image.imageId]).toEqual([OLD, NEW, OLD]);
});

test('--keep-image re-creates the node on its pinned image', async () => {
  const dir = project();
  synth(dir);
  expect((await cli(dir, '--node', '2', '--keep-image', '--config', 'three-nodes.yml')).code).toBe(0);
  expect(images(synth(dir))).toEqual({ 0: OLD, 1: OLD, 2: OLD });
  expect((await cli(dir, '--node', '2', '--keep-image', '--config', 'three-nodes.yml')).code).toBe(0);
  expect(images(synth(dir))).toEqual({ 0: OLD, 1: OLD });
  expect((await cli(dir, '--node', '2', '--finish', '--config', 'three-nodes.yml')).code).toBe(0);
  publishNewImage(dir);
  expect(images(synth(dir))).toEqual({ 0: OLD, 1: OLD, 2: OLD });
});

test('the data-volume records survive both steps, so the re-created node cannot replace its volume', async () => {
  const dir = project();
  synth(dir);
  const lockFile = path.join(dir, 'cloud-compose.lock.json');
  const volumesOf = () => JSON.parse(fs.readFileSync(lockFile, 'utf8')).targets['aws://123456789012/us-east-1/kafka-test']['2'].volumes;
  const recorded = volumesOf();
  expect(recorded).toEqual({ data: { availabilityZone: 'us-east-1c', encrypted: true } });
  for (const step of [['--node', '2'], ['--node', '2'], ['--node', '2', '--finish']]) {
    expect((await cli(dir, ...step, '--config', 'three-nodes.yml')).code).toBe(0);
    expect(volumesOf()).toEqual(recorded);
  }
  const file = path.join(dir, 'three-nodes.yml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('          mount: /data/kafka', '          mount: /data/kafka\n        encrypted: false'));
  expect(() => synth(dir)).toThrow(/node 2, data volume "data": Encrypted true -> false/);
});

describe('--finish finds the project\'s cdk.context.json', () => {
  const lookupCached = (dir: string) => imageContextKey('docker-host') in JSON.parse(fs.readFileSync(path.join(dir, 'cdk.context.json'), 'utf8'));

  /** Synthesizes the config in `dir/cloud-compose`, then runs steps 1 (no protection) from `cwd`. */
  async function atStep2(cwd: (dir: string) => string) {
    const dir = project('cloud-compose');
    const config = path.join(dir, 'cloud-compose', 'three-nodes.yml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('    instance_type: m5.large', '    instance_type: m5.large\n    terminate_protection: false'));
    const app = new App({ context: threeNodeContext() });
    new ComposeCluster(new Stack(app, 'Stack', { env: ENV }), 'Cluster', { config: loadConfig({ file: config, env: {} }), userData: () => '#!/bin/sh' });
    expect((await runCli(['upgrade-node', '--node', '1', '--config', config], { cwd: cwd(dir) })).code).toBe(0);
    return { dir, config };
  }

  test('run from the config folder below the project, it forgets the lookup in the project\'s cache', async () => {
    const { dir, config } = await atStep2((root) => path.join(root, 'cloud-compose'));
    const finish = await runCli(['upgrade-node', '--node', '1', '--finish', '--config', config], { cwd: path.join(dir, 'cloud-compose') });
    expect(finish).toMatchObject({ code: 0, stderr: '' });
    expect(finish.stdout).toContain(`in ${path.join(dir, 'cdk.context.json')}`);
    expect(lookupCached(dir)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'cloud-compose', 'cdk.context.json'))).toBe(false);
  });

  test('run from outside the project, it searches above the config file', async () => {
    const outside = tempDir();
    const { dir, config } = await atStep2(() => outside);
    expect((await runCli(['upgrade-node', '--node', '1', '--finish', '--config', config], { cwd: outside })).code).toBe(0);
    expect(lookupCached(dir)).toBe(false);
  });

  test('without any cdk.json it fails clearly and leaves the lock file as it was', async () => {
    const { dir, config } = await atStep2((root) => root);
    fs.rmSync(path.join(dir, 'cdk.json'));
    const lockFile = path.join(dir, 'cloud-compose', 'cloud-compose.lock.json');
    const before = fs.readFileSync(lockFile, 'utf8');
    const outside = tempDir();
    const finish = await runCli(['upgrade-node', '--node', '1', '--finish', '--config', config], { cwd: outside });
    expect(finish).toMatchObject({ code: 1, stderr: expect.stringContaining('no cdk.json in') });
    expect(finish.stderr).toContain('--context-file');
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(before);
    expect(lookupCached(dir)).toBe(true);
  });
});

test('usage and input errors', async () => {
  const dir = project();
  expect(await cli(dir, '--config', 'three-nodes.yml')).toMatchObject({ code: 2, stderr: expect.stringContaining('--node ID is required') });
  expect(await cli(dir, '--node', '9', '--config', 'three-nodes.yml')).toMatchObject({ code: 1, stderr: expect.stringContaining('has no node "9" (nodes: 0, 1, 2)') });
  expect(await cli(dir, '--node', '1', '--config', 'three-nodes.yml')).toMatchObject({ code: 1, stderr: expect.stringContaining('has no pin yet') });
  synth(dir);
  expect(await cli(dir, '--node', '1', '--finish', '--config', 'three-nodes.yml')).toMatchObject({ code: 1, stderr: expect.stringContaining('run step 1 first') });
  expect((await cli(dir, '--node', '1', '--config', 'three-nodes.yml')).code).toBe(0); // step 0
  expect((await cli(dir, '--node', '1', '--config', 'three-nodes.yml')).code).toBe(0); // step 1
  expect(await cli(dir, '--node', '1', '--config', 'three-nodes.yml')).toMatchObject({ code: 1, stderr: expect.stringContaining('already being replaced') });
  expect(await cli(dir, '--bogus')).toMatchObject({ code: 2 });
  expect(await cli(dir, '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: compose-cluster upgrade-node') });
});

test('without termination protection step 1 leaves the instance out at once', async () => {
  const dir = project();
  const file = path.join(dir, 'three-nodes.yml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('    instance_type: m5.large', '    instance_type: m5.large\n    terminate_protection: false'));
  synth(dir);
  expect(await cli(dir, '--node', '0', '--config', 'three-nodes.yml')).toMatchObject({ code: 0, stdout: expect.stringContaining('left out') });
  expect(images(synth(dir))).toEqual({ 1: OLD, 2: OLD });
});

test('--accept records the current launch settings after a change was deployed anyway', async () => {
  const dir = project();
  synth(dir);
  const file = path.join(dir, 'three-nodes.yml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('instance_type: m5.large', 'instance_type: m5.xlarge'));
  const lockFile = path.join(dir, 'cloud-compose.lock.json');
  const launchOf = (id: string) => JSON.parse(fs.readFileSync(lockFile, 'utf8')).targets['aws://123456789012/us-east-1/kafka-test'][id].launch;
  synth(dir);
  expect(launchOf('0').instanceType).toBe('m5.large'); // a warning, the record stays
  expect(await cli(dir, '--node', '0', '--accept', '--config', 'three-nodes.yml')).toMatchObject({ code: 0, stderr: '' });
  synth(dir);
  expect(launchOf('0').instanceType).toBe('m5.xlarge');
  expect(launchOf('1').instanceType).toBe('m5.large');
});

test('the compose-cluster command list shows upgrade-node', async () => {
  expect((await runCli(['--help'])).stdout).toMatch(/^ {2}upgrade-node\s+Move one node to the newest image/m);
});
