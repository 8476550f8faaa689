import { buildNodeUserData, USER_DATA_LIMIT_BYTES } from '../../lib/user-data';
import { EXAMPLE_ENV, loadExample } from './support/fixtures';
import { itWithShellcheck, shellcheckFindings } from './support/shellcheck';

const config = loadExample();
const nodeIds = (config.cluster.aws.nodes ?? []).map((node) => node.id);

describe('the bundled example', () => {
  test.each(nodeIds)('node %s: user data under 16 KB, counting the worst-case signal URL', (nodeId) => {
    const userData = buildNodeUserData(config, { nodeId, env: EXAMPLE_ENV });
    expect(userData.sizeBytes).toBeLessThanOrEqual(USER_DATA_LIMIT_BYTES);
    const worstCase = Object.fromEntries(userData.deployTimeVariables.map((variable) => [variable.name, 'x'.repeat(variable.worstCaseLength)]));
    expect(Buffer.byteLength(userData.render(worstCase))).toBeLessThanOrEqual(USER_DATA_LIMIT_BYTES);
  });

  test('gets the signal URL and the data volume id at deploy time; the LVM docker volume is found by device name', () => {
    const userData = buildNodeUserData(config, { nodeId: 0, env: EXAMPLE_ENV });
    expect(userData.deployTimeVariables.map((variable) => variable.name)).toEqual(['CC_SIGNAL_URL', 'CC_VOLUME_ID_data']);
  });

  test('its docker volume becomes /var/lib/docker and its data volume /data/mongodb', () => {
    const { body } = buildNodeUserData(config, { nodeId: 0, env: EXAMPLE_ENV });
    expect(body).toContain("cc_docker_root /dev/docker/data 'defaults,noatime'\n");
    expect(body).toContain("cc_fs 'volume data' \"$cc_dev\" xfs 1 /data/mongodb 'defaults,noatime'\n");
  });

  for (const nodeId of nodeIds) {
    itWithShellcheck(`node ${nodeId}: the readable and the delivered user data pass shellcheck`, () => {
      const userData = buildNodeUserData(config, { nodeId, env: EXAMPLE_ENV });
      expect(shellcheckFindings(userData.readableScript)).toBe('');
      expect(shellcheckFindings(userData.render({ CC_SIGNAL_URL: 'https://example.invalid/?a=1&b=2', CC_VOLUME_ID_data: 'vol-0123456789abcdef0' }))).toBe('');
    });
  }
});
