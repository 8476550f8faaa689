import * as path from 'path';
import { userDataCommand } from '../../bin/cli/user-data-command';
import { buildNodeUserData } from '../../lib/user-data';
import { configYaml, tempProject } from '../user-data/templates/support/temp-project';
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

  test('the bundled example raises no warning; a cluster without compose file warns that its services do not start', async () => {
    expect((await run(['--config', EXAMPLE_CONFIG_FILE, '--node', '0'])).stderr).not.toContain('warning');
    const root = tempProject({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': '#!/bin/bash\n' });
    const result = await runCli(['user-data', '--config', path.join(root, 'cloud-compose.yml'), '--node', '1']);
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n')[0]).toBe('warning: node 1: compose services are not started: no docker-compose.yml or docker-compose.yaml on the search path');
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
