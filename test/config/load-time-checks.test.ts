/**
 * Checks the loader makes so that `validate` reports them with file:line:column
 * (before, some only surfaced at synth without a position): signal_timeout,
 * instance_policy, eip, root_device, repeated keys, recursive aliases.
 */
import { execFileSync } from 'child_process';
import { ConfigProblem } from '../../lib/config';
import { config, errorsOf, lineOf, load, warningsOf } from './config-test-helpers';

function only(problems: ConfigProblem[]): ConfigProblem {
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('signal_timeout', () => {
  const withTimeout = (value: string) => config('', { top: `  signal_timeout: ${value}` });

  test.each(['15', '1', '720', '30m', '90s', '1h', '12h', '43200s', '"45"'])('%s is a duration CloudFormation accepts', (value) => {
    expect(load(withTimeout(value)).problems).toEqual([]);
  });

  test.each([
    ['abc', 'is not a duration'],
    ['1.5', 'is not a duration'],
    ['30 m', 'is not a duration'],
    ['1d', 'is not a duration'],
    ['13h', 'is 46800 seconds'],
    ['721', 'is 43260 seconds'],
    ['0', 'is 0 seconds'],
    ['0s', 'is 0 seconds'],
    ['-5', 'is not a duration'],
  ])('%s is rejected at its line: %s', (value, expected) => {
    const yaml = withTimeout(value);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.signal_timeout', line: lineOf(yaml, 'signal_timeout'), column: 19 });
    expect(error.message).toContain(expected);
    expect(error.message).toContain('90s, 30m, 1h');
  });
});

describe('instance_policy', () => {
  test('a JSON string with Statement, or a YAML map with Statement, is fine', () => {
    expect(load(config(`    instance_policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}'`)).problems).toEqual([]);
    expect(load(config(['    instance_policy:', '      Version: "2012-10-17"', '      Statement:', '        - Effect: Allow', '          Action: s3:GetObject', '          Resource: "*"'].join('\n'))).problems).toEqual([]);
  });

  test.each([
    ['"{not json"', 'not valid JSON'],
    ["'[1, 2]'", 'holds a list'],
    ['\'{"Version": "2012-10-17"}\'', 'no Statement key'],
  ])('%s is rejected at its line', (value, expected) => {
    const yaml = config(`    instance_policy: ${value}`);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.instance_policy', line: lineOf(yaml, 'instance_policy'), column: 22 });
    expect(error.message).toContain(expected);
  });

  test('a YAML map without Statement', () => {
    const yaml = config(['    instance_policy:', '      Version: "2012-10-17"'].join('\n'));
    expect(only(errorsOf(load(yaml))).message).toContain('no Statement key');
  });
});

describe('eip', () => {
  const withEip = (eip: string) => config('', { nodes: ['    nodes:', '      - id: 0', '        ip: 10.0.1.10', '        subnet: subnet-a', `        eip: ${eip}`].join('\n') });

  test.each(['eipalloc-0123abcd', 'eipalloc-0123456789abcdef0'])('%s is an allocation id', (eip) => {
    expect(load(withEip(eip)).problems).toEqual([]);
  });

  test.each(['eip-123', '52.1.2.3', 'eipalloc-xyz', 'eipalloc-0123ABCD'])('%s is not', (eip) => {
    const yaml = withEip(eip);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.nodes[0].eip', line: lineOf(yaml, 'eip:') });
    expect(error.message).toContain('eipalloc- followed by 8 or 17 hex digits');
  });
});

describe('root_device', () => {
  test('a device name is accepted and kept', () => {
    expect(load(config('    root_device: /dev/sda1')).config?.cluster.aws.root_device).toBe('/dev/sda1');
  });

  test('anything else is rejected', () => {
    const yaml = config('    root_device: sda1');
    expect(only(errorsOf(load(yaml)))).toMatchObject({ path: 'cluster.aws.root_device', line: lineOf(yaml, 'root_device') });
  });

  test('a misspelling gets a typo hint', () => {
    const warning = only(warningsOf(load(config('    root_devise: /dev/sda1'))));
    expect(warning.message).toContain('root_device');
  });
});

describe('repeated keys: the last value wins, as in PyYAML, with a warning', () => {
  const yaml = config('    keypair: first\n    keypair: second');

  test('the warning names the key path and both lines; the last value is loaded', () => {
    const outcome = load(yaml);
    expect(errorsOf(outcome)).toEqual([]);
    const warning = only(warningsOf(outcome));
    expect(warning).toMatchObject({ path: 'cluster.aws.keypair', line: lineOf(yaml, 'keypair: second'), column: 5 });
    expect(warning.message).toContain(`also on line ${lineOf(yaml, 'keypair: first')}`);
    expect(outcome.config?.cluster.aws.keypair).toBe('second');
  });

  test('PyYAML loads the same value', () => {
    const script = 'import json, sys, yaml; print(json.dumps(yaml.safe_load(sys.stdin.read())["cluster"]["aws"]["keypair"]))';
    expect(JSON.parse(execFileSync('python3', ['-c', script], { input: yaml, encoding: 'utf8' }))).toBe('second');
  });

  test('problems in the value that wins are located at it', () => {
    const bad = config('    instance_type: t3.large\n    instance_type: huge');
    const error = only(errorsOf(load(bad)));
    expect(error).toMatchObject({ path: 'cluster.aws.instance_type', line: lineOf(bad, 'huge') });
  });
});

describe('recursive aliases', () => {
  test.each([
    ['a map containing itself', 'cluster: &a {x: *a, name: n}\n', 'cluster.x'],
    ['a list containing itself', 'cluster:\n  name: n\n  search_path: &s [., *s]\n', 'cluster.search_path[1]'],
    ['a nested map', 'cluster:\n  name: n\n  aws: &aws\n    tags:\n      loop: *aws\n', 'cluster.aws.tags.loop'],
  ])('%s is an error at the alias', (_name, yaml, path) => {
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe(path);
    expect(error.line).toBe(lineOf(yaml, '*'));
    expect(error.message).toContain('is inside the node it refers to');
  });

  test('an alias of an earlier node is fine', () => {
    const yaml = config('', { top: '  environment: &env\n    A: 1\n  x-copy: *env' });
    expect(errorsOf(load(yaml))).toEqual([]);
  });
});
