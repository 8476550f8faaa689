/**
 * `compose-cluster build` (the real executable over the compiled dist/) with a
 * broken included or imported template: one line naming the partial, its file
 * and line, exit 1, no stack trace (the process used to die in nunjucks' asap
 * callback).
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const SHIM = path.join(ROOT, 'bin', 'compose-cluster.js');

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.json')], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

const CONFIG = `cluster:
  name: demo
  search_path:
    - templates
  aws:
    ami: docker-host
    username: ec2-user
    nodes:
      - id: 1
        ip: 10.0.1.10
        subnet: subnet-0123456789abcdef0
`;

test.each([
  ['syntax error in an included partial', { 'cluster.sh': '#!/bin/sh\n{% include "part.sh" %}\n', 'part.sh': 'echo a\n{% if x %}\n' }, 'part.sh', 2, 'syntax error'],
  ['undefined name in an included partial', { 'cluster.sh': '#!/bin/sh\n{% include "part.sh" %}\n', 'part.sh': 'echo a\n\n{{ nope }}\n' }, 'part.sh', 3, "'nope' is undefined"],
  ['missing nested include', { 'cluster.sh': '{% include "part.sh" %}\n', 'part.sh': '{% include "gone.sh" %}\n' }, 'part.sh', 1, 'template "gone.sh" not found'],
  ['broken from-import macro file', { 'cluster.sh': '{% from "m.sh" import f %}{{ f() }}\n', 'm.sh': '{% macro f() %}\n{{ ) }}\n{% endmacro %}\n' }, 'm.sh', 2, 'syntax error'],
])('%s: build --node 1 exits 1 with one line and no stack trace', (_name, templates, partial, line, detail) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-cluster-broken-'));
  fs.writeFileSync(path.join(dir, 'cloud-compose.yml'), CONFIG);
  fs.mkdirSync(path.join(dir, 'templates'));
  for (const [file, text] of Object.entries(templates)) fs.writeFileSync(path.join(dir, 'templates', file), text);
  const result = spawnSync(process.execPath, [SHIM, 'build', '--node', '1'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(`${partial} (${path.join(fs.realpathSync(dir), 'templates', partial)}) line ${line}: `);
  expect(result.stderr).toContain(detail);
  expect(result.stderr).not.toMatch(/\n\s+at |node_modules|throw err/);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.status).toBe(1);
});
