/** The real `compose-cluster` executable: bin/compose-cluster.js over the compiled dist/. */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SHIM = path.join(ROOT, 'bin', 'compose-cluster.js');

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

test('node bin/compose-cluster.js validate runs the compiled CLI on the bundled example', () => {
  const result = spawnSync(process.execPath, [SHIM, 'validate'], { cwd: path.join(ROOT, 'examples', 'mongodb'), encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(result.stderr).toBe('');
  expect(result.stdout).toBe(`${path.join('cloud-compose', 'cloud-compose.yml')}: OK — cluster mongodb-prod, 3 nodes, 3 volumes\n`);
  expect(result.status).toBe(0);
});

test('exit codes reach the shell: 1 for an invalid file, 2 for a usage error', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-shim-'));
  fs.writeFileSync(path.join(dir, 'cloud-compose.yml'), 'cluster:\n  name: x\n');
  expect(spawnSync(process.execPath, [SHIM, 'validate'], { cwd: dir, encoding: 'utf8' }).status).toBe(1);
  expect(spawnSync(process.execPath, [SHIM, 'validate', '--nope'], { cwd: dir, encoding: 'utf8' }).status).toBe(2);
});

test('without dist/ the shim says to run npm run build, without a stack trace', () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-nodist-'));
  fs.mkdirSync(path.join(copy, 'bin'));
  fs.copyFileSync(SHIM, path.join(copy, 'bin', 'compose-cluster.js'));
  const result = spawnSync(process.execPath, [path.join(copy, 'bin', 'compose-cluster.js'), 'validate'], { encoding: 'utf8' });
  expect(result.status).toBe(1);
  expect(result.stderr).toContain('npm run build');
  expect(result.stderr).not.toMatch(/\n\s+at /);
});
