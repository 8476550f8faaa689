/**
 * The original tool's own golden tests (tests/configs/*): each fixture's
 * cloud-compose.yml and templates must render to the original's expected
 * cloud_init.sh, compared modulo surrounding whitespace as the original did.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../../lib/config';
import { renderClusterScript } from '../../../lib/user-data/templates/render-cluster-script';

const FIXTURES = path.join(__dirname, 'fixtures', 'original');

describe.each(['simple', 'subtree', 'subtree-with-overrides'])('original fixture %s', (fixture) => {
  test('renders the expected cloud_init.sh', () => {
    const config = loadConfig({ file: path.join(FIXTURES, fixture, 'cloud-compose.yml'), env: {} });
    const expected = fs.readFileSync(path.join(FIXTURES, fixture, 'cloud_init.sh'), 'utf8');
    expect(renderClusterScript(config, { nodeId: 0, env: {} }).trim()).toBe(expected.trim());
  });
});

test('the real environment wins over an environment: entry (simple)', () => {
  const config = loadConfig({ file: path.join(FIXTURES, 'simple', 'cloud-compose.yml'), env: {} });
  const script = renderClusterScript(config, { nodeId: 0, env: { MONGODB_OPTIONS: '--quiet' } });
  expect(script).toContain('MONGODB_OPTIONS: "--quiet"');
  expect(script).not.toContain('MONGODB_OPTIONS: "-h"');
});
