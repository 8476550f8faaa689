/**
 * bin/app.ts as the CDK CLI runs it (a child process reading its context from
 * CDK_CONTEXT_JSON): bad input ends in the list of problems and exit code 1,
 * never a stack trace.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readProjectContext } from '../../bin/app/project-context';
import { REPO_ROOT, tempDir } from './support';

function runApp(context: Record<string, unknown>) {
  const outdir = tempDir();
  const result = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [path.join(REPO_ROOT, 'bin', 'app.ts')], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: outdir,
      CDK_OUTDIR: outdir,
      CDK_CONTEXT_JSON: JSON.stringify({ ...readProjectContext(), ...context }),
      CDK_VALIDATION: 'false',
    },
  });
  return { status: result.status, stderr: result.stderr, outdir };
}

const STACK_TRACE = /^\s+at .+\(.+:\d+:\d+\)$/m;

test('the example synthesizes into CDK_OUTDIR', () => {
  const { status, stderr, outdir } = runApp({});
  expect(stderr).not.toMatch(STACK_TRACE);
  expect(status).toBe(0);
  expect(fs.existsSync(path.join(outdir, 'mongodb-prod.template.json'))).toBe(true);
});

test('an invalid config: every problem with file and line, exit 1, no stack trace', () => {
  const dir = tempDir();
  const file = path.join(dir, 'cloud-compose.yml');
  fs.writeFileSync(file, ['cluster:', '  name: broken', '  search_path: [.]', '  aws:', '    ami: ami-0123456789abcdef0', '    instance_type: 12', '    nodes:', '      - id: 0', '        subnet: subnet-1', ''].join('\n'));
  const { status, stderr } = runApp({ config: file });
  expect(status).toBe(1);
  expect(stderr).toContain(file);
  expect(stderr).toMatch(/cluster\.aws\.nodes\[0\]\.ip/);
  expect(stderr).not.toMatch(STACK_TRACE);
});

test('a config path that does not exist is named', () => {
  const { status, stderr } = runApp({ config: '/nowhere/cloud-compose.yml' });
  expect(status).toBe(1);
  expect(stderr).toContain('/nowhere/cloud-compose.yml');
  expect(stderr).not.toMatch(STACK_TRACE);
});

test('an invalid account from -c account is reported with where it came from', () => {
  const { status, stderr } = runApp({ account: '1234' });
  expect(status).toBe(1);
  expect(stderr).toContain("account '1234' (from -c account=...) is not a 12-digit AWS account id");
  expect(stderr).not.toMatch(STACK_TRACE);
});
