/**
 * One describe per error class: a compliant and a non-compliant case each,
 * checking the key path, the position and that the message says what was
 * found and what would be valid.
 */
import { ConfigProblem } from '../../lib/config';
import { config, errorsOf, lineOf, load, warningsOf } from './config-test-helpers';

const NODES_3 = ['    nodes:', '      - id: 0', '        ip: 10.0.1.10', '        subnet: subnet-a', '      - id: 1', '        ip: 10.0.2.10', '        subnet: subnet-b', '      - id: 2', '        ip: 10.0.3.10', '        subnet: subnet-c'].join('\n');

function volumes(...entries: string[]): string {
  return ['    volumes:', '      - name: root', '        size: 30G', ...entries].join('\n');
}

function only(problems: ConfigProblem[]): ConfigProblem {
  expect(problems).toHaveLength(1);
  return problems[0];
}

test('the base config used by these tests is valid and has no warnings', () => {
  const outcome = load(config());
  expect(outcome.problems).toEqual([]);
  expect(outcome.config?.cluster.aws.nodes).toHaveLength(2);
});

describe('missing required keys', () => {
  test.each([
    ['name', (yaml: string) => yaml.replace('  name: test-cluster\n', ''), 'cluster.name'],
    ['search_path', (yaml: string) => yaml.replace('  search_path:\n    - .\n', ''), 'cluster.search_path'],
    ['aws.ami', (yaml: string) => yaml.replace('    ami: ami-0123456789abcdef0\n', ''), 'cluster.aws.ami'],
    ['node subnet', (yaml: string) => yaml.replace('        subnet: subnet-b\n', ''), 'cluster.aws.nodes[1].subnet'],
  ])('%s', (_name, edit, path) => {
    const yaml = edit(config());
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe(path);
    expect(error.message).toMatch(/required key ".*" is missing/);
    expect(error.line).toBeGreaterThan(0);
  });

  test('no cluster: key at all', () => {
    const error = only(errorsOf(load('datadog:\n  api_key: x\n')));
    expect(error.path).toBe('cluster');
    expect(error.message).toContain('missing');
  });

  test('a file that is not a map', () => {
    expect(only(errorsOf(load('- a\n- b\n'))).message).toContain('found a list');
    expect(only(errorsOf(load(''))).message).toContain('empty');
  });
});

describe('wrong types', () => {
  test('a boolean key holding text', () => {
    const yaml = config('    terminate_protection: maybe');
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.terminate_protection', line: lineOf(yaml, 'maybe'), column: 27 });
    expect(error.message).toBe('expected true or false, found "maybe"');
  });

  test('YAML 1.1 yes/no/on/off are booleans, as in PyYAML', () => {
    const outcome = load(config('    terminate_protection: no\n    ebs_optimized: on'));
    expect(outcome.config?.cluster.aws.terminate_protection).toBe(false);
    expect(outcome.config?.cluster.aws.ebs_optimized).toBe(true);
  });

  test('a list where a map is expected, and a map where a list is expected', () => {
    const yaml = config().replace('  search_path:\n    - .', '  search_path:\n    dir: .').replace('    instance_type: t3.small', '    instance_type: t3.small\n    tags: [a, b]');
    const errors = errorsOf(load(yaml));
    expect(errors.map((error) => [error.path, error.message])).toEqual([
      ['cluster.search_path', 'expected a list, found a map'],
      ['cluster.aws.tags', 'expected a map, found a list of 2 items'],
    ]);
  });

  test('an unknown enum value lists the valid ones and the likely one', () => {
    const yaml = config('', { volumes: volumes('      - name: data', '        size: 10G', '        block: /dev/xvdc', '        volume_type: gp33') });
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe('cluster.aws.volumes[1].volume_type');
    expect(error.message).toBe('found "gp33"; valid values: gp2, gp3, io1, io2, st1, sc1, standard (did you mean "gp3"?)');
  });

  test('other top-level keys are other plugins and not errors', () => {
    const outcome = load(`${config()}datadog:\n  api_key: abc\nanything: [1, 2]\n`);
    expect(outcome.problems).toEqual([]);
    expect(outcome.config?.fileData).toHaveProperty('datadog', { api_key: 'abc' });
  });

  test('unknown keys under cluster pass through to templates', () => {
    const outcome = load(config('    dns:\n      nameserver: 10.0.0.2\n    raid: { level: 0 }'));
    expect(outcome.problems).toEqual([]);
    expect(outcome.config?.clusterData.aws).toMatchObject({ dns: { nameserver: '10.0.0.2' }, raid: { level: 0 } });
    expect(outcome.config?.cluster.aws).toHaveProperty('dns');
  });
});

describe('sizes and units', () => {
  test.each(['30G', '1T', '2000M', 20, '1.5T'])('EBS size %p is accepted', (size) => {
    expect(errorsOf(load(config('', { volumes: volumes('      - name: data', `        size: ${size}`, '        block: /dev/xvdc') })))).toEqual([]);
  });

  test.each(['30g', '30GB', '30 GiB', '-5G', 'big'])('unknown unit or syntax %p is an error saying what a size is', (size) => {
    const yaml = config('', { volumes: volumes('      - name: data', `        size: ${size}`, '        block: /dev/xvdc') });
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe('cluster.aws.volumes[1].size');
    expect(error.message).toContain('M, G or T');
    expect(error.message).toContain(`found "${size}"`);
  });

  test('a size that rounds to 0 GiB with the original arithmetic (900M) is an error, not 0', () => {
    const yaml = config('', { volumes: volumes('      - name: data', '        size: 900M', '        block: /dev/xvdc') });
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe('cluster.aws.volumes[1].size');
    expect(error.message).toContain('less than 1 GiB');
  });

  test('a size out of the volume type range', () => {
    const yaml = config('', { volumes: volumes('      - name: logs', '        size: 100G', '        block: /dev/xvdc', '        volume_type: st1') });
    expect(only(errorsOf(load(yaml))).message).toContain('st1 volume must be 125-16384 GiB');
  });
});

describe('IPv4 addresses', () => {
  test.each(['10.0.0.256', '10.0.0', '10.0.0.1.2', 'ten.0.0.1', '010.0.0.1'])('%p is not an address', (ip) => {
    const yaml = config().replace('ip: 10.0.2.10', `ip: ${ip}`);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.nodes[1].ip', line: lineOf(yaml, `ip: ${ip}`), column: 13 });
    expect(error.message).toContain('IPv4');
  });

  test('a public address is a warning (a VPC may use public CIDR blocks)', () => {
    const outcome = load(config().replace('ip: 10.0.2.10', 'ip: 52.1.2.3'));
    expect(outcome.config).toBeDefined();
    const warning = only(warningsOf(outcome));
    expect(warning.path).toBe('cluster.aws.nodes[1].ip');
  });

  test.each(['10.255.255.254', '172.31.0.5', '192.168.1.1', '100.64.0.1', '100.127.255.1'])('%p is private', (ip) => {
    expect(load(config().replace('ip: 10.0.2.10', `ip: ${ip}`)).problems).toEqual([]);
  });

  test.each(['172.32.0.1', '100.128.0.1', '192.169.0.1'])('%p is not private', (ip) => {
    expect(warningsOf(load(config().replace('ip: 10.0.2.10', `ip: ${ip}`)))).toHaveLength(1);
  });
});

describe('nodes', () => {
  test('duplicate node ids (also 0 and "0", which name the same instance)', () => {
    const yaml = config('', { nodes: NODES_3.replace('- id: 2', '- id: "0"') });
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.nodes[2].id', line: lineOf(yaml, 'id: "0"') });
    expect(error.message).toContain('nodes[0]');
  });

  test('duplicate node IPs', () => {
    const yaml = config('', { nodes: NODES_3.replace('ip: 10.0.3.10', 'ip: 10.0.1.10') });
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe('cluster.aws.nodes[2].ip');
    expect(error.message).toContain('duplicate node ip "10.0.1.10"');
  });

  test('both nodes and asg', () => {
    const yaml = config('    asg:\n      subnets: [subnet-a]');
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.asg', line: lineOf(yaml, 'asg:') });
    expect(error.message).toContain('exactly one');
  });

  test('neither nodes nor asg', () => {
    const error = only(errorsOf(load(config('', { nodes: '' }))));
    expect(error.path).toBe('cluster.aws');
    expect(error.message).toContain('neither nodes nor asg');
  });

  test('asg alone is valid, with its defaults', () => {
    const outcome = load(config('', { nodes: '    asg:\n      subnets: [subnet-a, subnet-b]' }));
    expect(outcome.problems).toEqual([]);
    expect(outcome.config?.cluster.aws.asg).toEqual({ subnets: ['subnet-a', 'subnet-b'], elbs: [], redundancy: 1 });
  });
});

describe('volumes', () => {
  test('duplicate volume names', () => {
    const yaml = config('', { volumes: volumes('      - name: root', '        size: 10G', '        block: /dev/xvdc') });
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe('cluster.aws.volumes[1].name');
    expect(error.message).toContain('duplicate volume name "root"');
  });

  test('duplicate devices', () => {
    const yaml = config('', { volumes: volumes('      - name: a', '        block: /dev/xvdc', '      - name: b', '        block: /dev/xvdc') });
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[2].block', line: lineOf(yaml, '- name: b') + 1 });
  });

  test('two volumes without block (two roots)', () => {
    const yaml = config('', { volumes: volumes('      - name: data', '        size: 10G') });
    expect(only(errorsOf(load(yaml))).path).toBe('cluster.aws.volumes[1]');
  });

  test('nfs volumes need no block', () => {
    expect(load(config('', { volumes: volumes('      - name: shared', '        file_system: nfs4', '        meta: { mount: /shared }') })).problems).toEqual([]);
  });

  test('relative mount paths', () => {
    const yaml = config('', { volumes: volumes('      - name: data', '        block: /dev/xvdc', '        meta:', '          mount: data/mongodb') });
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[1].meta.mount', line: lineOf(yaml, 'mount: data/mongodb'), column: 18 });
    expect(error.message).toBe('expected an absolute path (starting with /), found "data/mongodb"');
  });

  test('ephemeral volumes are named ephemeralN and need a block', () => {
    const good = load(config('', { volumes: volumes('      - name: ephemeral0', '        ephemeral: true', '        block: /dev/xvdb') }));
    expect(good.problems).toEqual([]);
    const bad = errorsOf(load(config('', { volumes: volumes('      - name: scratch', '        ephemeral: true') })));
    expect(bad.map((error) => error.path)).toEqual(['cluster.aws.volumes[1]', 'cluster.aws.volumes[1].name']);
  });

  test('a bad snapshot id', () => {
    const error = only(errorsOf(load(config('', { volumes: volumes('      - name: data', '        block: /dev/xvdc', '        snapshot: snap-xyz') }))));
    expect(error.message).toContain('snap- followed by 8 or 17 hex digits');
  });
});

describe('LVM', () => {
  const lvm = (size: string, lvs: string[], meta = '          group: docker') =>
    config('', {
      volumes: volumes('      - name: docker', `        size: ${size}`, '        block: /dev/xvdz', '        file_system: lvm2', '        meta:', meta, '          volumes:', ...lvs),
    });

  test("the original README's docker volume (20G: 19G + 900M) fits", () => {
    expect(load(lvm('20G', ['            - name: data', '              size: 19G', '            - name: metadata', '              size: 900M'])).problems).toEqual([]);
  });

  test('logical volumes bigger than the volume', () => {
    const yaml = lvm('20G', ['            - name: data', '              size: 19G', '            - name: metadata', '              size: 2G']);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[1].meta.volumes', line: lineOf(yaml, '- name: data') });
    expect(error.message).toContain('19G + 2G');
  });

  test('a 20 GiB disk holds exactly 5119 extents: 19G + 1020M fits, 19G + 1021M does not', () => {
    // (20 GiB - 1 MiB header) / 4 MiB = 5119 extents; 19G = 4864, 1020M = 255, 1021M rounds up to 256.
    expect(errorsOf(load(lvm('20G', ['            - name: a', '              size: 19G', '            - name: b', '              size: 1020M'])))).toEqual([]);
    expect(errorsOf(load(lvm('20G', ['            - name: a', '              size: 19G', '            - name: b', '              size: 1021M'])))).toHaveLength(1);
  });

  test('a bare LVM size is MiB, as lvcreate -L reads it', () => {
    expect(errorsOf(load(lvm('1G', ['            - name: a', '              size: 1020'])))).toEqual([]);
    expect(errorsOf(load(lvm('1G', ['            - name: a', '              size: 1024'])))).toHaveLength(1);
  });

  test.each(['100%FREE', '50%VG', '19GB', '-1G', '1,5G'])('%p is not an lvcreate -L size', (size) => {
    const yaml = lvm('20G', ['            - name: a', `              size: "${size}"`]);
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe('cluster.aws.volumes[1].meta.volumes[0].size');
    expect(error.message).toContain('lvcreate -L');
  });

  test('lvm2 without meta.group', () => {
    const error = only(errorsOf(load(lvm('20G', ['            - name: a', '              size: 1G'], '          format: false'))));
    expect(error.path).toBe('cluster.aws.volumes[1].meta');
    expect(error.message).toContain('meta.group');
  });

  test('lvm2 without meta.volumes', () => {
    const yaml = config('', { volumes: volumes('      - name: docker', '        block: /dev/xvdz', '        file_system: lvm2', '        meta:', '          group: docker') });
    expect(only(errorsOf(load(yaml))).message).toContain('meta.volumes');
  });

  test('duplicate logical volume names', () => {
    const error = only(errorsOf(load(lvm('20G', ['            - name: a', '              size: 1G', '            - name: a', '              size: 1G']))));
    expect(error.path).toBe('cluster.aws.volumes[1].meta.volumes[1].name');
  });
});

describe('iops and throughput', () => {
  const data = (...lines: string[]) => config('', { volumes: volumes('      - name: data', '        block: /dev/xvdc', ...lines) });

  test.each([
    ['gp3', '100G', 3000, true],
    ['gp3', '100G', 50000, true],
    ['gp3', '100G', 50001, false], // 500 per GiB
    ['gp3', '1G', 3000, true], // the 3,000 baseline needs no size
    ['gp3', '1000G', 80000, true],
    ['gp3', '1000G', 80001, false],
    ['gp3', '100G', 2999, false],
    ['io1', '100G', 5000, true],
    ['io1', '100G', 5001, false], // 50 per GiB
    ['io1', '4G', 99, false],
    ['io2', '100G', 100000, true],
    ['io2', '100G', 100001, false], // 1000 per GiB
    ['io2', '1000G', 256000, true],
    ['io2', '1000G', 256001, false],
  ])('%s %s with %d IOPS: valid %p', (type, size, iops, valid) => {
    const errors = errorsOf(load(data(`        volume_type: ${type}`, `        size: ${size}`, `        iops: ${iops}`)));
    if (valid) {
      expect(errors).toEqual([]);
    } else {
      expect(only(errors).path).toBe('cluster.aws.volumes[1].iops');
      expect(errors[0].message).toContain(`found ${iops}`);
    }
  });

  test.each(['gp2', 'st1', 'sc1', 'standard'])('%s takes no iops', (type) => {
    const error = only(errorsOf(load(data(`        volume_type: ${type}`, '        size: 500G', '        iops: 3000'))));
    expect(error.message).toContain(`${type} volumes take no iops`);
  });

  test('io1 and io2 need iops', () => {
    expect(only(errorsOf(load(data('        volume_type: io2', '        size: 100G')))).message).toContain('needs iops');
  });

  test('without volume_type the volume is gp3', () => {
    expect(errorsOf(load(data('        size: 100G', '        iops: 6000')))).toEqual([]);
  });

  test('gp3 throughput: 125-2000 MiB/s and at most 0.25 MiB/s per IOPS', () => {
    expect(errorsOf(load(data('        size: 100G', '        throughput: 750')))).toEqual([]);
    expect(only(errorsOf(load(data('        size: 100G', '        throughput: 751')))).message).toContain('3000 IOPS allow 750');
    expect(errorsOf(load(data('        size: 100G', '        iops: 8000', '        throughput: 2000')))).toEqual([]);
    expect(errorsOf(load(data('        size: 100G', '        iops: 10000', '        throughput: 2001')))).toHaveLength(1);
    expect(only(errorsOf(load(data('        volume_type: gp2', '        throughput: 200')))).message).toContain('only gp3');
  });
});

describe('ami', () => {
  test.each(['ami-12345678', 'ami-0123456789abcdef0', 'docker:1.10', 'docker-host-al2023', 'base image/v2 @team', 'docker-*'])('%p is accepted', (ami) => {
    expect(errorsOf(load(config().replace('ami: ami-0123456789abcdef0', `ami: "${ami}"`)))).toEqual([]);
  });

  test.each([
    ['ami-1234567', 'ami- followed by 8 or 17'],
    ['ami-0123456789ABCDEF0', 'lower-case hex'],
    ['ami-xyz12345', 'hex digits'],
    ['', 'empty'],
    ['docker#1', 'Name tag value'],
    ['$${IMAGE}', 'unsubstituted'],
  ])('%p is rejected', (ami, expected) => {
    const yaml = config().replace('ami: ami-0123456789abcdef0', () => `ami: "${ami}"`);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.ami', line: lineOf(yaml, 'ami:') });
    expect(error.message).toContain(expected);
  });

  test('a Name tag longer than 255 characters is rejected', () => {
    expect(errorsOf(load(config().replace('ami: ami-0123456789abcdef0', `ami: ${'a'.repeat(256)}`)))).toHaveLength(1);
  });
});

describe('security_groups', () => {
  test('a list or one comma-separated string', () => {
    expect(load(config('    security_groups: [sg-1, sg-2]')).config?.cluster.aws.security_groups).toEqual(['sg-1', 'sg-2']);
    expect(load(config('    security_groups: sg-1,sg-2')).config?.cluster.aws.security_groups).toBe('sg-1,sg-2');
    expect(only(errorsOf(load(config('    security_groups: {a: 1}')))).message).toContain('comma-separated');
  });
});

describe('YAML errors', () => {
  test('a syntax error is located', () => {
    const yaml = 'cluster:\n  name: [unclosed\n  aws: x\n';
    const errors = errorsOf(load(yaml));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0].line).toBeGreaterThan(0);
  });

  test('a duplicate key is a warning at the second key, whose value wins (as in PyYAML; more in load-time-checks.test.ts)', () => {
    const yaml = config().replace('  name: test-cluster', '  name: test-cluster\n  name: other');
    const outcome = load(yaml);
    const warning = only(warningsOf(outcome));
    expect(warning).toMatchObject({ path: 'cluster.name', line: lineOf(yaml, 'name: other') });
    expect(warning.message).toContain('duplicate key "name"');
    expect(outcome.config?.cluster.name).toBe('other');
  });
});

test('every problem is reported at once, in file order', () => {
  const yaml = config('    terminate_protection: maybe', {
    volumes: volumes('      - name: data', '        size: 30X', '        block: /dev/xvdc', '        meta: { mount: rel }'),
    nodes: NODES_3.replace('ip: 10.0.3.10', 'ip: 10.0.3').replace('- id: 1', '- id: 0'),
  });
  const errors = errorsOf(load(yaml));
  expect(errors.map((error) => error.path)).toEqual([
    'cluster.aws.terminate_protection',
    'cluster.aws.volumes[1].size',
    'cluster.aws.volumes[1].meta.mount',
    'cluster.aws.nodes[1].id',
    'cluster.aws.nodes[2].ip',
  ]);
  const lines = errors.map((error) => error.line ?? 0);
  expect(lines).toEqual([...lines].sort((a, b) => a - b));
});

test('anchors and YAML 1.1 merge keys: values are merged, problems point where the value is written', () => {
  const yaml = [
    'cluster:',
    '  name: m',
    '  search_path: [.]',
    '  aws:',
    '    ami: ami-12345678',
    '    nodes:',
    '      - &node { id: 0, ip: 10.0.0.1, subnet: subnet-a }',
    '      - <<: *node',
    '        id: 1',
    '',
  ].join('\n');
  const outcome = load(yaml);
  expect(outcome.problems.map((problem) => [problem.path, problem.line, problem.column])).toEqual([['cluster.aws.nodes[1].ip', 7, yaml.split('\n')[6].indexOf('10.0.0.1') + 1]]);
});
