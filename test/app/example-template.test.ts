/**
 * The bundled example's template, as `npx cdk synth` produces it with the
 * committed cdk.context.json: a snapshot, and the properties that make the
 * snapshot trustworthy (no unresolved lookups, deterministic, no side effects).
 */
import * as fs from 'fs';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as path from 'path';
import { missingLookups } from '../../bin/app/missing-context';
import { EXAMPLE_CONFIG_FILE } from '../../bin/app/build-app';
import { editedExample, synthApp } from './support';

/** Asset hashes (nested stack templates, if any) change with unrelated library versions: mask them. */
expect.addSnapshotSerializer({
  test: (value) => typeof value === 'string' && /[0-9a-f]{64}/.test(value),
  serialize: (value: string) => JSON.stringify(value.replace(/[0-9a-f]{64}/g, '<asset hash>')),
});

const LOCK_FILE = path.join(path.dirname(EXAMPLE_CONFIG_FILE), 'cloud-compose.lock.json');

describe('the bundled example', () => {
  test('synthesizes one stack named after the cluster, in the offline default account and region', () => {
    const { assembly, stack } = synthApp();
    expect(assembly.stacks.map((artifact) => artifact.stackName)).toEqual(['mongodb-prod']);
    expect(stack.account).toBe('123456789012');
    expect(stack.region).toBe('us-east-1');
  });

  test('every lookup is answered by the committed cdk.context.json (no ami-1234, no dummy zone)', () => {
    const { assembly, template } = synthApp();
    expect(missingLookups(assembly)).toEqual([]);
    const text = JSON.stringify(template);
    expect(text).not.toContain('ami-1234');
    expect(text).not.toContain('dummy1a');
    const images = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::EC2::Instance').map((r: any) => r.Properties.ImageId);
    expect(images).toEqual(['ami-0a4c2e6f8b1d3e5f7', 'ami-0a4c2e6f8b1d3e5f7', 'ami-0a4c2e6f8b1d3e5f7']);
    const zones = Object.values(template.Resources).filter((r: any) => r.Type === 'AWS::EC2::Volume').map((r: any) => r.Properties.AvailabilityZone);
    expect(zones).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
  });

  test('synth is deterministic and leaves the committed lock file untouched', () => {
    // A byte-identical copy, synthesized as `cdk synth` does (allowed to update its lock file).
    const configFile = editedExample((text) => text);
    const copiedLock = path.join(path.dirname(configFile), path.basename(LOCK_FILE));
    expect(fs.readFileSync(copiedLock, 'utf8')).toBe(fs.readFileSync(LOCK_FILE, 'utf8'));
    const lockBefore = fs.readFileSync(copiedLock, 'utf8');
    const first = JSON.stringify(synthApp({ configFile, updateLockFile: true }).template);
    const second = JSON.stringify(synthApp({ configFile, updateLockFile: true }).template);
    expect(second).toBe(first);
    expect(first).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/); // no timestamps
    // If this fails, the example's pins or launch records are out of date: run `npx cdk synth` and commit
    // examples/mongodb/cloud-compose/cloud-compose.lock.json.
    expect(fs.readFileSync(copiedLock, 'utf8')).toBe(lockBefore);
  });

  test('synthesizes without a warning or error annotation (a clean `cdk synth`)', () => {
    const { stack } = synthApp();
    const messages = [...Annotations.fromStack(stack).findWarning('*', Match.anyValue()), ...Annotations.fromStack(stack).findError('*', Match.anyValue())];
    expect(messages.map((message) => message.entry.data)).toEqual([]);
  });

  test('template snapshot', () => {
    expect(synthApp().template).toMatchSnapshot();
  });
});
