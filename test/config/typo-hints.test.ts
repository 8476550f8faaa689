import { config, errorsOf, lineOf, load, warningsOf } from './config-test-helpers';

describe('likely typos of known keys', () => {
  test('instance_tpye: a warning naming instance_type, at the key', () => {
    const yaml = config().replace('    instance_type: t3.small', '    instance_tpye: t3.small');
    const outcome = load(yaml);
    expect(outcome.config).toBeDefined();
    const [warning] = warningsOf(outcome);
    expect(warning).toMatchObject({ path: 'cluster.aws.instance_tpye', line: lineOf(yaml, 'instance_tpye'), column: 5, severity: 'warning' });
    expect(warning.message).toContain('did you mean "instance_type"');
    // The typo'd key still reaches templates; the known key keeps its default.
    expect(outcome.config?.clusterData.aws).toHaveProperty('instance_tpye', 't3.small');
    expect(outcome.config?.cluster.aws.instance_type).toBe('t2.medium');
  });

  test.each([
    ['aws', '    terminate_protecton: false', 'terminate_protection'],
    ['aws', '    security_group: [sg-1]', 'security_groups'],
    ['aws', '    tag: { a: b }', 'tags'],
    ['aws', '    Keypair: k', 'keypair'],
    ['aws', '    imdsV2: false', 'imdsv2'],
    ['aws', '    ami_owner: [self]', 'ami_owners'],
    ['aws', '    metadata_hop_limt: 3', 'metadata_hop_limit'],
    ['aws', '    encryted: true', 'encrypted'],
  ])('under %s: %s -> %s', (_where, line, meant) => {
    const [warning] = warningsOf(load(config(line)));
    expect(warning.message).toContain(`did you mean "${meant}"`);
  });

  test('extension keys of cluster, volumes, meta and logical volumes are known too', () => {
    const yaml = config('', {
      top: '  disk_setp: false\n  start_composse: true\n  signal_timout: 20',
      volumes: [
        '    volumes:',
        '      - name: root',
        '        size: 30G',
        '      - name: docker',
        '        block: /dev/xvdz',
        '        file_system: lvm2',
        '        troughput: 200',
        '        encrypt: true',
        '        meta:',
        '          group: docker',
        '          docker_rot: true',
        '          volumes:',
        '            - name: data',
        '              size: 1G',
        '              mont: /data',
        '              filesystem: xfs',
      ].join('\n'),
    });
    const outcome = load(yaml);
    expect(errorsOf(outcome)).toEqual([]);
    expect(warningsOf(outcome).map((warning) => /did you mean "([^"]+)"/.exec(warning.message)?.[1])).toEqual([
      'disk_setup',
      'start_compose',
      'signal_timeout',
      'throughput',
      'encrypted',
      'docker_root',
      'mount',
      'file_system',
    ]);
  });

  test('node keys: subnets in a node means subnet (missing, so also an error)', () => {
    const yaml = config().replace('        subnet: subnet-b', '        subnets: subnet-b');
    const outcome = load(yaml);
    expect(errorsOf(outcome).map((error) => error.path)).toEqual(['cluster.aws.nodes[1].subnet']);
    expect(warningsOf(outcome)[0]).toMatchObject({ path: 'cluster.aws.nodes[1].subnets', line: lineOf(yaml, 'subnets:') });
    expect(warningsOf(outcome)[0].message).toContain('did you mean "subnet"');
  });

  test('no hint when the known key is also present (the other key is deliberate data)', () => {
    expect(load(config().replace('        subnet: subnet-b', '        subnet: subnet-b\n        ipp: 10.0.0.1')).problems).toEqual([]);
  });

  test('unrelated unknown keys (template data) get no warning', () => {
    const outcome = load(config('    dns:\n      nameserver: 10.0.0.2\n    raid: {}\n    zone: a\n    subnet_group: x'));
    expect(outcome.problems).toEqual([]);
  });

  test('a misspelt cluster: key is named next to the missing-key error', () => {
    const outcome = load(config().replace('cluster:', 'clustr:'));
    expect(errorsOf(outcome)[0].message).toContain('"cluster" is missing');
    expect(warningsOf(outcome)[0].message).toContain('did you mean "cluster"');
  });
});

describe('known keys written one level too high', () => {
  test('mount directly on a volume means meta.mount', () => {
    const yaml = config('', { volumes: ['    volumes:', '      - name: root', '      - name: data', '        block: /dev/xvdc', '        mount: /data'].join('\n') });
    const [warning] = warningsOf(load(yaml));
    expect(warning).toMatchObject({ path: 'cluster.aws.volumes[1].mount', line: lineOf(yaml, 'mount: /data') });
    expect(warning.message).toContain('did you mean meta.mount?');
  });

  test('instance_type directly under cluster means aws.instance_type', () => {
    const yaml = config('', { top: '  instance_type: m5.large' });
    expect(warningsOf(load(yaml))[0].message).toContain('did you mean aws.instance_type?');
  });
});
