/**
 * How the VM harness scales volumes too large for a test disk (no VM boots
 * here): the volume and its logical volumes shrink by one factor, the scaled
 * config still passes the project's own LVM fit rule, and small volumes are
 * left alone.
 */
import * as path from 'path';
import { stringify } from 'yaml';
import { loadConfig, loadConfigText, LoadedConfig } from '../../lib/config';
import { describeScaling, scaleConfigForVm } from './harness/vm-scaling';

const FIXTURES = path.join(__dirname, 'fixtures');

/** A config text with the usual node and one extra volume. */
function configWith(volume: Record<string, unknown>): LoadedConfig {
  const text = stringify({
    cluster: {
      name: 'scaling-test',
      search_path: ['.'],
      aws: {
        ami: 'ami-0123456789abcdef0', username: 'ec2-user', instance_type: 'm6i.large',
        volumes: [{ name: 'root', size: '30G' }, volume],
        nodes: [{ id: 0, ip: '10.0.0.30', subnet: 'subnet-0a00000000000000a' }],
      },
    },
  });
  return loadConfigText(text, { file: path.join(FIXTURES, 'scaling-test.yml'), env: {} });
}

/** Reloads the scaled config through the project's validation (sizes, LVM fit). */
function revalidate(config: LoadedConfig): LoadedConfig {
  return loadConfigText(stringify({ cluster: config.clusterData }), { file: config.file, env: {} });
}

describe('scaling volumes down for the test VM', () => {
  const large = loadConfig({ file: path.join(FIXTURES, 'large-node/cloud-compose.yml'), env: {} });

  it('scales a 40 TiB volume to 64 GiB and a 20 TiB group with its logical volumes by the same factor', () => {
    const { config, scaled } = scaleConfigForVm(large);
    const sizes = config.cluster.aws.volumes.map((volume) => [volume.name, volume.size, volume.meta?.volumes?.map((lv) => lv.size)]);
    // 20T = 20000 GiB (EBS T is x1000) -> 64 GiB: factor 312.5. Each size / 312.5, down to whole 4 MiB:
    // 15 TiB = 15728640 MiB -> 50331.6 -> 50328M; 4 TiB = 4194304 MiB -> 13421.8 -> 13420M;
    // 900M -> 2.9 MiB, raised to the 512M minimum. 64 GiB holds (65536 - 1) / 4 = 16383 extents >= 12582 + 128 + 3355.
    expect(sizes).toEqual([
      ['root', '30G', undefined],
      ['data', '64G', undefined],
      ['archive', '64G', ['50328M', '512M', '13420M']],
      ['logs', '5G', undefined],
    ]);
    expect(describeScaling(scaled)).toEqual([
      'volume data: 40T configured, 64G in the VM',
      'volume archive: 20T configured, 64G in the VM (logical volumes store 15t -> 50328M, index 900M -> 512M, spare 4t -> 13420M)',
    ]);
  });

  it('gives templates the same scaled sizes, and the scaled config passes the LVM fit rule', () => {
    const { config } = scaleConfigForVm(large);
    const reloaded = revalidate(config);
    expect(reloaded.cluster.aws.volumes).toEqual(config.cluster.aws.volumes);
    // The original is untouched.
    expect(large.cluster.aws.volumes.map((volume) => volume.size)).toEqual(['30G', '40T', '20T', '5G']);
  });

  it('leaves a config whose volumes are all 1 TiB or less as it is', () => {
    const small = loadConfig({ file: path.join(FIXTURES, 'storage-node/cloud-compose.yml'), env: {} });
    expect(scaleConfigForVm(small)).toEqual({ config: small, scaled: [] });
    const exactlyOneTiB = configWith({ name: 'data', size: '1024G', block: '/dev/xvdc', file_system: 'xfs', meta: { format: true, mount: '/data' } });
    expect(scaleConfigForVm(exactlyOneTiB).scaled).toEqual([]);
    const justOver = configWith({ name: 'data', size: '1025G', block: '/dev/xvdc', file_system: 'xfs', meta: { format: true, mount: '/data' } });
    expect(describeScaling(scaleConfigForVm(justOver).scaled)).toEqual(['volume data: 1025G configured, 64G in the VM']);
  });

  it('keeps logical volumes smaller than the minimum at their size', () => {
    // 2T = 2000 GiB -> 64 GiB: factor 31.25. 1t = 1048576 MiB -> 33554.4 -> 33552M; 100M stays 100M.
    const config = configWith({
      name: 'pool', size: '2T', block: '/dev/xvdf', file_system: 'lvm2',
      meta: { group: 'pool', volumes: [{ name: 'big', size: '1t', mount: '/big' }, { name: 'tiny', size: '100M', mount: '/tiny', file_system: 'ext4' }] },
    });
    const { config: scaled } = scaleConfigForVm(config);
    expect(scaled.cluster.aws.volumes[1].meta?.volumes?.map((lv) => lv.size)).toEqual(['33552M', '100M']);
    revalidate(scaled);
  });

  it('makes the disk larger than 64 GiB when the logical volumes\' minimum sizes need it', () => {
    // 199 logical volumes of 10G in a 2T group: each scales to 327.68 MiB, raised to 512 MiB = 128 extents.
    // 25472 extents need (25472 * 4 + 1) MiB = 99.5 GiB: a 100 GiB disk.
    const config = configWith({
      name: 'many', size: '2T', block: '/dev/xvdf', file_system: 'lvm2',
      meta: { group: 'many', volumes: Array.from({ length: 199 }, (_, index) => ({ name: `lv${index}`, size: '10G' })) },
    });
    const { config: scaled, scaled: [scaling] } = scaleConfigForVm(config);
    expect(scaling.vmGiB).toBe(100);
    expect(new Set(scaled.cluster.aws.volumes[1].meta?.volumes?.map((lv) => lv.size))).toEqual(new Set(['512M']));
    revalidate(scaled);
  });

  it('does not scale volumes without a disk (root, nfs)', () => {
    const config = configWith({ name: 'shared', size: '50T', file_system: 'nfs', block: '/dev/xvdh' });
    expect(scaleConfigForVm(config).scaled).toEqual([]);
  });
});
