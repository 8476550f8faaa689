/**
 * `compose-cluster build`, run in-process: prints the rendered cluster.sh and
 * nothing else; --node sets _node_id, --ami sets aws.ami; errors are one
 * message on stderr, never a stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
import { buildCommand } from '../../bin/cli/build-command';
import { configYaml, tempProject } from '../user-data/templates/support/temp-project';
import { EXAMPLE_CONFIG_FILE as EXAMPLE, EXAMPLE_ENV } from '../user-data/support/fixtures';
import { runCli } from './support';

function run(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  return runCli(['build', ...argv], options);
}

/** The image the example's committed lock file pins every node to. */
const PINNED = 'ami-0a4c2e6f8b1d3e5f7';

const TEMPLATE = '#!/bin/bash\nNODE={{ _node_id }} AMI={{ aws.ami }} NAME={{ aws.ami_name }}\n';

test('prints the rendered cluster.sh plus the newline of Python print()', async () => {
  const root = tempProject({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': TEMPLATE });
  const result = await run(['--config', path.join(root, 'cloud-compose.yml'), '--node', '0']);
  expect(result).toMatchObject({ code: 0, stdout: '#!/bin/bash\nNODE=0 AMI=docker-host NAME=docker-host\n' });
  // Nothing resolves the Name tag here (no lock file, no CDK project): stderr says so.
  expect(result.stderr).toContain('# aws.ami: docker-host (aws.ami as configured: no pin in the lock file and no cached lookup of "docker-host"');
});

test('without --node there is no _node_id, as in the original build (templates guard it)', async () => {
  const root = tempProject({
    'cloud-compose.yml': configYaml(),
    'templates/cluster.sh': '#!/bin/bash\n{%- if _node_id is defined %}\nNODE_ID={{ _node_id }}\n{%- endif %}\nrest\n',
    'templates/unguarded.sh': '{{ _node_id }}',
  });
  expect((await run(['--config', path.join(root, 'cloud-compose.yml')])).stdout).toBe('#!/bin/bash\nrest\n');
  expect((await run(['--config', path.join(root, 'cloud-compose.yml'), '--node', '1'])).stdout).toBe('#!/bin/bash\nNODE_ID=1\nrest\n');
});

test('--node sets _node_id (typed as the config writes the id) and --ami sets aws.ami', async () => {
  const root = tempProject({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': '{{ _node_id + 1 }} {{ aws.ami }} {{ aws.ami_name }}' });
  expect((await run(['--config', path.join(root, 'cloud-compose.yml'), '--node', '1', '--ami', 'ami-0abc'])).stdout).toBe('2 ami-0abc docker-host\n');
});

test('--config resolves against the working folder', async () => {
  const root = tempProject({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': 'ok' });
  expect((await run(['--config', 'cloud-compose.yml'], { cwd: root })).stdout).toBe('ok\n');
});

test('a template error is one line on stderr with exit code 1', async () => {
  const root = tempProject({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': 'a\n{{ aws.usrname }}' });
  const result = await run(['--config', path.join(root, 'cloud-compose.yml')]);
  expect(result.code).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toBe(`compose-cluster build: cluster.sh (${path.join(root, 'templates', 'cluster.sh')}) line 2: 'aws.usrname' is undefined\n`);
});

test('--help, and unknown options fail with usage', async () => {
  expect(await run(['--help'])).toEqual({ code: 0, stdout: buildCommand.help, stderr: '' });
  const bad = await run(['--nodes', '1']);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain("Unknown option '--nodes'");
  expect(bad.stderr).toContain('Usage: compose-cluster build');
});

test('the bundled example renders for every node', async () => {
  for (const node of ['0', '1', '2']) {
    const result = await run(['--config', EXAMPLE, '--node', node], { env: EXAMPLE_ENV });
    expect(result.stderr).toBe(`# aws.ami: ${PINNED} (pinned for node ${node} in ${path.join(path.dirname(EXAMPLE), 'cloud-compose.lock.json')} (aws://123456789012/us-east-1))\n`);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`NODE_ID=${node}\n`);
    expect(result.stdout).toContain('rs.initiate({_id: "mongodb-prod", members: [{_id: 0, host: "10.20.1.10:27017"}, {_id: 1, host: "10.20.2.10:27017"}, {_id: 2, host: "10.20.3.10:27017"}]})');
    expect(result.stdout).toContain('export MONGODB_VERSION="8.0"\n');
  }
  expect(fs.existsSync(EXAMPLE)).toBe(true);
});
