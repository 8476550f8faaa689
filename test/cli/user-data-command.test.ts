import { userDataCommand } from '../../bin/cli/user-data-command';
import { buildNodeUserData } from '../../lib/user-data';
import { EXAMPLE_CONFIG_FILE, EXAMPLE_ENV, loadExample } from '../user-data/support/fixtures';
import { runCli } from './support';

function run(argv: string[]) {
  return runCli(['user-data', ...argv], { env: EXAMPLE_ENV });
}

describe('compose-cluster user-data', () => {
  test('prints the readable user data of the node, and its size on stderr', async () => {
    const result = await run(['--config', EXAMPLE_CONFIG_FILE, '--node', '1']);
    expect(result.code).toBe(0);
    const expected = buildNodeUserData(loadExample(), { nodeId: 1, env: EXAMPLE_ENV });
    expect(result.stdout).toBe(expected.readableScript);
    expect(result.stdout).toContain("CC_SIGNAL_URL='<deploy-time: wait-condition handle URL");
    expect(result.stderr).toContain(`# node 1: ${expected.sizeBytes} bytes of user data`);
  });

  test('an unknown node lists the valid ids', async () => {
    const result = await run(['--config', EXAMPLE_CONFIG_FILE, '--node', '7']);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`compose-cluster user-data: no node "7" in ${EXAMPLE_CONFIG_FILE}: expected one of 0, 1, 2`);
    expect(result.stderr).toContain('compose-cluster user-data --help');
  });

  test('--node is required when the config has nodes', async () => {
    const result = await run(['--config', EXAMPLE_CONFIG_FILE]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--node is required: one of 0, 1, 2');
  });

  test('--help prints the usage; an unknown option is a usage error', async () => {
    expect(await run(['--help'])).toEqual({ code: 0, stdout: userDataCommand.help, stderr: '' });
    const bad = await run(['--nodes', '1']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--nodes'");
  });
});
