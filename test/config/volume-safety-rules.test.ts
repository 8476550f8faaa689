/**
 * Volume settings that would make the disk setup touch the wrong disk or the
 * system's own folders: rejected by the loader, located in the file.
 */
import { ConfigProblem, ebsSizeGiB } from '../../lib/config';
import { volumeIdVariableName } from '../../lib/user-data';
import { config, errorsOf, lineOf, load, warningsOf } from './config-test-helpers';

function volumes(...entries: string[]): string {
  return ['    volumes:', '      - name: root', '        size: 30G', ...entries].join('\n');
}

function only(problems: ConfigProblem[]): ConfigProblem {
  expect(problems).toHaveLength(1);
  return problems[0];
}

describe('volume names that become one shell variable', () => {
  test('data-1 and data_1 are rejected, naming both volumes, at the second one', () => {
    expect(volumeIdVariableName('data-1')).toBe(volumeIdVariableName('data_1'));
    const yaml = config('', { volumes: volumes('      - name: data-1', '        block: /dev/xvdc', '      - name: data_1', '        block: /dev/xvdd') });
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[2].name', line: lineOf(yaml, 'name: data_1'), column: 15 });
    expect(error.message).toContain('"data_1" and "data-1" (volumes[1])');
    expect(error.message).toContain('CC_VOLUME_ID_data_1');
  });

  test('names differing in letters, digits or _ are fine', () => {
    const yaml = config('', { volumes: volumes('      - name: data-1', '        block: /dev/xvdc', '      - name: data-2', '        block: /dev/xvdd') });
    expect(load(yaml).problems).toEqual([]);
  });
});

describe('one disk under two device names', () => {
  test.each([
    ['/dev/sdf', '/dev/xvdf'],
    ['/dev/xvdg', '/dev/sdg'],
  ])('%s and %s are the same disk on Xen', (first, second) => {
    const yaml = config('', { volumes: volumes('      - name: a', `        block: ${first}`, '      - name: b', `        block: ${second}`) });
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[2].block', line: lineOf(yaml, `block: ${second}`) });
    expect(error.message).toContain(`duplicate device "${second}": volumes[1]`);
    expect(error.message).toContain(`${first} and ${second} are one disk`);
  });

  test('/dev/sdf and /dev/sdg, or /dev/xvdf and /dev/xvdf1 are different devices', () => {
    expect(errorsOf(load(config('', { volumes: volumes('      - name: a', '        block: /dev/sdf', '      - name: b', '        block: /dev/xvdg') })))).toEqual([]);
    expect(errorsOf(load(config('', { volumes: volumes('      - name: a', '        block: /dev/xvdf', '      - name: b', '        block: /dev/xvdf1') })))).toEqual([]);
  });
});

describe('mount points', () => {
  const withMount = (mount: string) => config('', { volumes: volumes('      - name: data', '        block: /dev/xvdc', '        file_system: xfs', '        meta:', '          format: true', `          mount: ${mount}`) });

  test.each(['/', '/boot', '/boot/efi', '/usr', '/usr/local', '/etc', '/etc/docker', '/var', '/var/lib', '/proc', '/sys/fs', '/dev', '/dev/shm', '/run', '/tmp', '/tmp/', '/bin', '/lib64', '/var/lib/cloud', '/var/tmp', '/var/'])('%s is a system folder: rejected', (mount) => {
    const yaml = withMount(mount);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[1].meta.mount', line: lineOf(yaml, `mount: ${mount}`), column: 18 });
    expect(error.message).toContain('cannot be a mount point');
    expect(error.message).toContain('operating system');
  });

  test.each(['/data', '/data/mongodb', '/var/lib/docker', '/var/lib/mongodb', '/var/log', '/srv/kafka', '/home/app', '/opt/data', '/mnt/data', '/data/', '/tmp/scratch'])('%s is fine', (mount) => {
    expect(load(withMount(mount)).problems).toEqual([]);
  });

  test.each([
    ['"/data/my db"', 'without spaces'],
    ['/data/../etc', '. or .. components'],
    ['/data/./x', '. or .. components'],
    ['//data', 'empty path component'],
    ["'/data/$HOME'", 'without spaces, quotes, #, $'],
  ])('%s is rejected', (mount, expected) => {
    const error = only(errorsOf(load(withMount(mount))));
    expect(error.path).toBe('cluster.aws.volumes[1].meta.mount');
    expect(error.message).toContain(expected);
  });

  test('a logical volume mount is checked too', () => {
    const yaml = config('', {
      volumes: volumes('      - name: lv', '        block: /dev/xvdc', '        size: 20G', '        file_system: lvm2', '        meta:', '          group: vg', '          volumes:', '            - name: root', '              size: 5G', '              mount: /usr'),
    });
    expect(only(errorsOf(load(yaml)))).toMatchObject({ path: 'cluster.aws.volumes[1].meta.volumes[0].mount', line: lineOf(yaml, 'mount: /usr') });
  });

  test('the root volume (no block) and nfs volumes get no disk setup: their mount is not checked', () => {
    const yaml = config('', { volumes: ['    volumes:', '      - name: root', '        size: 30G', '        meta:', '          mount: /', '      - name: share', '        file_system: nfs', '        meta:', '          mount: /tmp/share'].join('\n') });
    expect(errorsOf(load(yaml))).toEqual([]);
  });

  test('two volumes on one mount point (trailing slash or not) are reported by the loader, at the second', () => {
    const yaml = config('', {
      volumes: volumes('      - name: a', '        block: /dev/xvdc', '        meta:', '          mount: /data', '      - name: b', '        block: /dev/xvdd', '        meta:', '          mount: /data/'),
    });
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[2].meta.mount', line: lineOf(yaml, 'mount: /data/') });
    expect(error.message).toBe('/data is also the mount point of cluster.aws.volumes[1].meta.mount; expected one filesystem per mount point');
  });

  test("a docker group's Docker storage and a volume mounted at /var/lib/docker collide", () => {
    const yaml = config('', {
      volumes: volumes(
        '      - name: docker',
        '        block: /dev/xvdc',
        '        size: 20G',
        '        file_system: lvm2',
        '        meta:',
        '          group: docker',
        '          volumes:',
        '            - name: data',
        '              size: 10G',
        '      - name: b',
        '        block: /dev/xvdd',
        '        meta:',
        '          mount: /var/lib/docker',
      ),
    });
    const error = only(errorsOf(load(yaml)));
    expect(error.path).toBe('cluster.aws.volumes[2].meta.mount');
    expect(error.message).toContain('/var/lib/docker is also the mount point of cluster.aws.volumes[1].meta.docker_root');
  });
});

describe('EBS sizes (the original arithmetic: G, T x 1000, M / 1000 rounded down)', () => {
  const withSize = (size: string) => config('', { volumes: volumes('      - name: data', `        size: ${size}`, '        block: /dev/xvdc') });

  test.each(['1.5G', '10.5G', '1.0005T', '2.5'])('%s is not a whole number of GiB: an error', (size) => {
    const yaml = withSize(size);
    const error = only(errorsOf(load(yaml)));
    expect(error).toMatchObject({ path: 'cluster.aws.volumes[1].size', line: lineOf(yaml, `size: ${size}`) });
    expect(error.message).toContain('whole GiB');
  });

  test.each([
    ['1.5T', 1500],
    ['2000M', 2],
    ['3G', 3],
  ])('%s is %d GiB without a warning', (size, gib) => {
    const outcome = load(withSize(size));
    expect(outcome.problems).toEqual([]);
    expect(outcome.config?.cluster.aws.volumes[1].size).toBe(size);
    expect(ebsSizeGiB(size)).toBe(gib);
  });

  test('2500M drops a remainder: a warning that says it is 2 GiB', () => {
    const outcome = load(withSize('2500M'));
    expect(errorsOf(outcome)).toEqual([]);
    const warning = only(warningsOf(outcome));
    expect(warning.path).toBe('cluster.aws.volumes[1].size');
    expect(warning.message).toContain('"2500M" becomes 2 GiB');
  });

  test.each([
    ['"30 G"', '30G'],
    ['" 30G"', '30G'],
    ['"1 T"', '1T'],
  ])('%s with whitespace is rejected with the valid form', (size, valid) => {
    const error = only(errorsOf(load(withSize(size))));
    expect(error.message).toBe(`expected a size without spaces: ${valid}, found ${size}`);
  });
});
