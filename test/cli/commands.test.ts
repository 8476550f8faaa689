/**
 * What every `compose-cluster` command shares, checked for each registered
 * command: --help, exit 2 with the usage line for a wrong command line, exit 1
 * with every problem (never a stack trace) for an invalid or missing config.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliCommand } from '../../bin/cli/command';
import { COMMANDS } from '../../bin/cli/commands';
import { main } from '../../bin/cli/main';
import { runCli } from './support';

const NAMES = COMMANDS.map((command) => command.name);

/** The command line that makes `name` load `file` (validate takes no --node). */
function loadingArgs(name: string, file: string): string[] {
  return name === 'validate' ? [name, '--config', file] : [name, '--node', '0', '--config', file];
}

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-commands-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

test('the command list names every command once', async () => {
  const { code, stdout } = await runCli(['--help']);
  expect(code).toBe(0);
  expect(NAMES).toEqual(['validate', 'build', 'user-data', 'upgrade-node']);
  for (const name of NAMES) expect(stdout.match(new RegExp(`^ {2}${name} +\\S`, 'gm'))).toHaveLength(1);
});

describe.each(NAMES)('compose-cluster %s', (name) => {
  test('--help and -h print its help starting with its usage line, exit 0', async () => {
    for (const flag of ['--help', '-h']) {
      const result = await runCli([name, flag]);
      expect(result).toMatchObject({ code: 0, stderr: '' });
      expect(result.stdout.split('\n')[0]).toMatch(new RegExp(`^Usage: compose-cluster ${name}( |$)`));
    }
  });

  test('an unknown option: the problem, the usage line and where help is; exit 2', async () => {
    const result = await runCli([name, '--no-such-option']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      `compose-cluster ${name}: Unknown option '--no-such-option'`,
      expect.stringMatching(new RegExp(`^Usage: compose-cluster ${name}`)),
      `Run "compose-cluster ${name} --help" for usage.`,
      '',
    ]);
  });

  test('an invalid config: every problem with file and line, a count, exit 1, no stack trace', async () => {
    const dir = folderWith({ 'cloud-compose.yml': 'cluster:\n  name: demo\n  aws:\n    ami: ami-12345678\n    volumes: [{name: root, size: 8Q}]\n' });
    const result = await runCli(loadingArgs(name, 'cloud-compose.yml'), { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^cloud-compose\.yml:5:\d+: cluster\.aws\.volumes\[0\]\.size: /m);
    expect(result.stderr).toMatch(/^\d+ errors?(, \d+ warnings?)?\n$/m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a missing config file: exit 1, naming it', async () => {
    const result = await runCli(loadingArgs(name, 'nope.yml'), { cwd: folderWith({}) });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nope.yml');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

test('a failure nobody foresaw is still one line and exit 1', async () => {
  let stderr = '';
  const failing: CliCommand = { name: 'fail', summary: 'fails', help: 'Usage: compose-cluster fail\n', options: {}, run: () => { throw new Error('disk on fire'); } };
  const context = { stdout: () => undefined, stderr: (text: string) => { stderr += text; }, cwd: '.', env: {} };
  expect(await main(['fail'], context, [failing])).toBe(1);
  expect(stderr).toBe('compose-cluster fail: unexpected error: disk on fire\n');
});
