import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli as run } from './support';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const VALID = [
  'cluster:',
  '  name: ${NAME}',
  '  search_path: [.]',
  '  aws:',
  '    ami: ami-12345678',
  '    instance_tpye: t3.small',
  '    volumes:',
  '      - name: root',
  '        size: 8G',
  '    nodes:',
  '      - {id: 0, ip: 10.0.0.5, subnet: subnet-a}',
  '',
].join('\n');

describe('compose-cluster validate', () => {
  test('the bundled example: one summary line, exit 0', async () => {
    const result = await run(['validate']);
    expect(result).toEqual({
      code: 0,
      stdout: `${path.join('cloud-compose', 'cloud-compose.yml')}: OK — cluster mongodb-prod, 3 nodes, 3 volumes\n`,
      stderr: '',
    });
  });

  test('--config picks the file; warnings are printed and counted but do not fail', async () => {
    const dir = project({ 'prod.yml': VALID });
    const result = await run(['validate', '--config', 'prod.yml'], { cwd: dir, env: { NAME: 'kafka' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('prod.yml: OK — cluster kafka, 1 node, 1 volume (1 warning)\n');
    expect(result.stderr).toBe('prod.yml:6:5: warning: cluster.aws.instance_tpye: unknown key "instance_tpye": did you mean "instance_type"? (unknown keys are passed to templates as they are; "instance_type" is not set)\n');
  });

  test('-c works as --config and accepts a folder', async () => {
    const dir = project({ 'a/cloud-compose/cloud-compose.yml': VALID.replace('${NAME}', 'zk') });
    const result = await run(['validate', '-c', 'a'], { cwd: dir });
    expect(result.stdout).toMatch(/OK — cluster zk, 1 node/);
  });

  test('an auto scaling group is summarised as such', async () => {
    const dir = project({ 'cloud-compose.yml': VALID.replace('    instance_tpye: t3.small\n', '').replace('    nodes:\n      - {id: 0, ip: 10.0.0.5, subnet: subnet-a}', '    asg:\n      subnets: [a, b]\n      redundancy: 2') });
    const result = await run(['validate'], { cwd: dir, env: { NAME: 'web' } });
    expect(result.stdout).toBe('cloud-compose.yml: OK — cluster web, auto scaling group over 2 subnets x 2, 1 volume\n');
  });

  test('an invalid file: every problem as file:line:column: path: message, then a count; exit 1', async () => {
    const dir = project({ 'cloud-compose.yml': VALID.replace('ip: 10.0.0.5', 'ip: 10.0.0.500') });
    const result = await run(['validate'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      'cloud-compose.yml:2:9: cluster.name: variable NAME is not set and has no default: set it in the environment or in .env beside the config, or write ${NAME:-default}',
      'cloud-compose.yml:6:5: warning: cluster.aws.instance_tpye: unknown key "instance_tpye": did you mean "instance_type"? (unknown keys are passed to templates as they are; "instance_type" is not set)',
      'cloud-compose.yml:11:21: cluster.aws.nodes[0].ip: expected an IPv4 address such as 10.0.1.10, found "10.0.0.500"',
      '2 errors, 1 warning',
      '',
    ]);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  test('no config found: exit 1 with the places searched', async () => {
    const result = await run(['validate'], { cwd: project({}) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('looked for cloud-compose');
  });

  test('a missing --config file: exit 1 naming it', async () => {
    const result = await run(['validate', '--config', 'nope.yml'], { cwd: project({}) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nope.yml');
    expect(result.stderr).toContain('not found');
  });
});

describe('command line handling', () => {
  test.each([['--help'], ['-h'], ['help']])('%s lists the commands, exit 0', async (flag) => {
    const result = await run([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: compose-cluster <command>');
    expect(result.stdout).toMatch(/^ {2}validate {2}/m);
  });

  test.each([['validate', '--help'], ['validate', '-h'], ['help', 'validate']])('%s %s shows the command help, exit 0', async (...argv) => {
    const result = await run(argv);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: compose-cluster validate [--config FILE]');
  });

  test('no command: usage on stderr, exit 2', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage:');
  });

  test('an unknown command: exit 2', async () => {
    const result = await run(['deploy']);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain('unknown command "deploy"');
  });

  test.each([
    [['validate', '--bogus']],
    [['validate', '--config']],
    [['validate', 'extra-argument']],
  ])('usage error %p: exit 2 with a pointer to --help', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('compose-cluster validate --help');
  });
});
