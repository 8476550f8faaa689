/**
 * Differential test: every corpus case is rendered by real Jinja2 (Debian's
 * python3-jinja2, configured as the original tool configured it) and by our
 * renderer; outputs must be identical, and where Jinja2 fails we must fail too.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderJinjaTemplate } from '../../../lib/user-data/templates/jinja/jinja-environment';
import { buildTemplateData } from '../../../lib/user-data/templates/render-cluster-script';
import { TemplateError } from '../../../lib/user-data/templates/template-error';
import { EXAMPLE_ENV, loadExample } from '../support/fixtures';
import { CORPUS } from './support/jinja-corpus';

const REFERENCE = path.join(__dirname, 'support', 'jinja2_reference.py');
const hasJinja2 = spawnSync('python3', ['-c', 'import jinja2'], { stdio: 'ignore' }).status === 0;

if (!hasJinja2 && process.env.CI) {
  throw new Error('python3-jinja2 is required in CI for the template differential test (scripts/setup.sh installs it)');
}
if (!hasJinja2) {
  // eslint-disable-next-line no-console
  console.warn('SKIPPED jinja-differential: python3 with jinja2 not found (apt-get install python3-jinja2)');
}

const describeIfJinja2 = hasJinja2 ? describe : describe.skip;

describeIfJinja2('renders like Jinja2 (differential)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'jinja-diff-'));
  const prepared = CORPUS.map((testCase, index) => {
    const dir = path.join(root, String(index));
    for (const [file, text] of Object.entries(testCase.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    }
    return { testCase, searchPath: testCase.searchPath.map((folder) => path.join(dir, folder)) };
  });
  const input = JSON.stringify(prepared.map(({ testCase, searchPath }) => ({ searchPath, template: testCase.template ?? 'cluster.sh', data: testCase.data })));
  const expected: Array<{ output?: string; error?: string }> = JSON.parse(execFileSync('python3', [REFERENCE], { input, encoding: 'utf8' }));

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test.each(prepared.map((entry, index) => [entry.testCase.name, entry, expected[index]] as const))('%s', (_name, entry, reference) => {
    const render = () => renderJinjaTemplate(entry.searchPath, entry.testCase.template ?? 'cluster.sh', structuredClone(entry.testCase.data));
    if (reference.error !== undefined) {
      expect(render).toThrow(TemplateError);
    } else {
      expect(render()).toBe(reference.output);
    }
  });

  test('the corpus exercises both outcomes', () => {
    expect(expected.filter((result) => result.error !== undefined).length).toBeGreaterThanOrEqual(8);
    expect(expected.filter((result) => result.output !== undefined).length).toBeGreaterThanOrEqual(30);
  });
});

describeIfJinja2('the bundled example renders like Jinja2', () => {
  const env = EXAMPLE_ENV;
  const config = loadExample();

  test.each([0, 1, 2])('node %s', (nodeId) => {
    const data = buildTemplateData(config, { nodeId, amiId: 'ami-0123456789abcdef0', env });
    const input = JSON.stringify([{ searchPath: config.searchPath, template: 'cluster.sh', data }]);
    const [reference] = JSON.parse(execFileSync('python3', [REFERENCE], { input, encoding: 'utf8' }));
    expect(reference.error).toBeUndefined();
    expect(renderJinjaTemplate(config.searchPath, 'cluster.sh', data)).toBe(reference.output);
  });

  test('the override template', () => {
    const data = buildTemplateData(config, { nodeId: 2, env });
    const { docker_compose: compose, ...withoutCompose } = data as { docker_compose: { override_yaml: string } };
    const folder = path.join(config.baseDir, 'docker-mongodb/cloud-compose/templates');
    const input = JSON.stringify([{ searchPath: [folder], template: 'docker-compose.override.yml', data: withoutCompose }]);
    const [reference] = JSON.parse(execFileSync('python3', [REFERENCE], { input, encoding: 'utf8' }));
    expect(reference.output).toContain('hostname: mongodb-prod-2');
    expect(compose.override_yaml).toBe(reference.output);
  });
});

describeIfJinja2('values print as Python prints them (generated data)', () => {
  const key = fc.string({ maxLength: 6 }).filter((k) => k !== '__proto__');
  const scalar = fc.oneof(
    fc.string({ maxLength: 8 }),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.boolean(),
    fc.constant(null),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
  })).node;
  const samples = fc.sample(value, { numRuns: 150, seed: 4242 });
  const template = '{{ v }}|{{ v | string }}|{{ [v] }}|{% if v %}T{% else %}F{% endif %}|{{ v is mapping }}{{ v is string }}{{ v is number }}';

  test('str(), repr() and truth of 150 generated values', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinja-values-'));
    fs.writeFileSync(path.join(dir, 'v.txt'), template);
    const input = JSON.stringify(samples.map((v) => ({ searchPath: [dir], template: 'v.txt', data: { v } })));
    const expected: Array<{ output?: string; error?: string }> = JSON.parse(execFileSync('python3', [REFERENCE], { input, encoding: 'utf8' }));
    const mismatches = samples
      .map((v, i) => ({ v, expected: expected[i].output ?? expected[i].error, actual: renderJinjaTemplate([dir], 'v.txt', JSON.parse(JSON.stringify({ v }))) }))
      .filter((entry) => entry.expected !== entry.actual);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(mismatches).toEqual([]);
  });
});
