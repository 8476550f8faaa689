/**
 * `build` and `user-data` render `aws.ami` as the node receives it: its pin in
 * the lock file, else the image lookup cached in the CDK project, else the
 * configured value; stderr says which. Unknown nodes are rejected by both.
 */
import * as path from 'path';
import { imageContextKey } from '../constructs/support';
import { configYaml, tempProject } from '../user-data/templates/support/temp-project';
import { EXAMPLE_CONFIG_FILE, EXAMPLE_ENV } from '../user-data/support/fixtures';
import { runCli } from './support';

const PINNED = 'ami-0aaaaaaaaaaaaaaaa';
const CACHED = 'ami-0bbbbbbbbbbbbbbbb';
const OTHER_REGION_PIN = 'ami-0cccccccccccccccc';

/** A CDK project with the config in `cloud-compose/`: node 0 pinned in us-east-1 (and in eu-west-1), the Name tag's lookup cached for us-east-1. */
function project(): { root: string; config: string } {
  const pin = (imageId: string) => ({ image: { imageId, ami: 'docker-host', pinnedAt: '2026-01-01T00:00:00.000Z' } });
  const root = tempProject({
    'cdk.json': JSON.stringify({ app: 'npx tsx bin/app.ts' }),
    'cdk.context.json': JSON.stringify({ [imageContextKey('docker-host')]: CACHED }),
    'cloud-compose/cloud-compose.yml': configYaml(),
    'templates/cluster.sh': 'AMI={{ aws.ami }} NAME={{ aws.ami_name }}',
    'cloud-compose/cloud-compose.lock.json': JSON.stringify({
      lockfileVersion: 1,
      targets: { 'aws://123456789012/us-east-1/demo': { 0: pin(PINNED) }, 'aws://123456789012/eu-west-1/demo': { 0: pin(OTHER_REGION_PIN) } },
    }),
  });
  return { root, config: path.join(root, 'cloud-compose', 'cloud-compose.yml') };
}

describe.each(['build', 'user-data'])('%s', (command) => {
  const rendered = (stdout: string) => /AMI=(\S+) NAME=(\S+)/.exec(stdout)?.slice(1);

  test('a pinned node renders its pin, and stderr names the lock file', async () => {
    const { root, config } = project();
    const result = await runCli([command, '--config', config, '--node', '0'], { cwd: path.join(root, 'cloud-compose') });
    expect(result.code).toBe(0);
    expect(rendered(result.stdout)).toEqual([PINNED, 'docker-host']);
    expect(result.stderr).toContain(`# aws.ami: ${PINNED} (pinned for node 0 in ${path.join(root, 'cloud-compose', 'cloud-compose.lock.json')}`);
  });

  test('a node without pin renders the cached lookup of the project found above the config', async () => {
    const { config } = project();
    const result = await runCli([command, '--config', config, '--node', '1'], { cwd: path.dirname(path.dirname(config)) });
    expect(rendered(result.stdout)).toEqual([CACHED, 'docker-host']);
    expect(result.stderr).toContain(`# aws.ami: ${CACHED} (the lookup of "docker-host" cached in ${path.join(path.dirname(path.dirname(config)), 'cdk.context.json')}`);
  });

  test('--region (or CDK_DEFAULT_REGION) picks the target; --ami overrides everything', async () => {
    const { config } = project();
    expect(rendered((await runCli([command, '--config', config, '--node', '0', '--region', 'eu-west-1'])).stdout)).toEqual([OTHER_REGION_PIN, 'docker-host']);
    expect(rendered((await runCli([command, '--config', config, '--node', '0'], { env: { CDK_DEFAULT_REGION: 'eu-west-1' } })).stdout)).toEqual([OTHER_REGION_PIN, 'docker-host']);
    const unresolved = await runCli([command, '--config', config, '--node', '1', '--region', 'eu-west-1']);
    expect(rendered(unresolved.stdout)).toEqual(['docker-host', 'docker-host']);
    expect(unresolved.stderr).toContain('no pin in the lock file and no cached lookup of "docker-host" for aws://123456789012/eu-west-1');
    const given = await runCli([command, '--config', config, '--node', '0', '--ami', 'ami-0123456789abcdef0']);
    expect(rendered(given.stdout)).toEqual(['ami-0123456789abcdef0', 'docker-host']);
    expect(given.stderr).not.toContain('# aws.ami');
  });

  test('a bad --region is a usage error', async () => {
    const { config } = project();
    const result = await runCli([command, '--config', config, '--node', '0', '--region', 'Europe']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("region 'Europe' (from --region) is not an AWS region name");
  });

  test('an unknown node is rejected', async () => {
    const result = await runCli([command, '--config', EXAMPLE_CONFIG_FILE, '--node', '9'], { env: EXAMPLE_ENV });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`compose-cluster ${command}: no node "9" in ${EXAMPLE_CONFIG_FILE}: expected one of 0, 1, 2`);
  });
});

test('build without --node on a template that needs _node_id says to pass --node', async () => {
  const result = await runCli(['build', '--config', EXAMPLE_CONFIG_FILE], { env: EXAMPLE_ENV });
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/'_node_id' is undefined \(use --node ID: 0, 1, 2\)\n$/);
});
