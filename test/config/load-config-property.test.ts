/**
 * Whatever the text, loading either succeeds or throws ConfigError: never any
 * other exception; and what loads is plain data (no cycles from recursive
 * aliases), which later stages can walk.
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { ConfigError, loadConfigText } from '../../lib/config';

const FILE = path.join(__dirname, 'fixtures', 'property', 'cloud-compose.yml');
const EXAMPLE = fs.readFileSync(path.join(__dirname, 'fixtures', 'original-readme', 'cloud-compose.yml'), 'utf8');
const ENV = { CLUSTER_NAME: 'c', IMAGE_ID: 'ami-12345678', CLUSTER_NODE_0_IP: '10.0.0.1' };

function loadsOrConfigError(text: string): boolean {
  try {
    const config = loadConfigText(text, { file: FILE, env: ENV });
    JSON.stringify(config.fileData);
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return true;
    throw error;
  }
}

const TOKENS = ['cluster:', 'aws:', 'nodes:', 'volumes:', 'meta:', '- ', ': ', '\n', '  ', '${X}', '${CLUSTER_NAME:-d}', '$$', '${', '}', '&a ', '*a', '<<: ', '[', ']', '{', '}', ',', '#', '"', "'", '|', '>', '!!str ', '!!binary ', '? ', '---', '...', 'yes', 'no', '.', '900M', '20G', 'ami-1', '10.0.0.1', '~', '0x1f', '1e5', '%YAML 1.1'];

describe('loading never throws anything but ConfigError', () => {
  test.each(['? {<<: 1}\n: x\n', 'cluster:\n  {<<: 1}: x\n'])('a map key holding an invalid merge (found by the token soup): %p', (text) => {
    expect(() => loadConfigText(text, { file: FILE, env: ENV })).toThrow(ConfigError);
  });

  test('random text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), loadsOrConfigError), { numRuns: 300 });
  });

  test('random YAML-ish token soup', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((parts) => parts.join('')), loadsOrConfigError), { numRuns: 300 });
  });

  test('the README example with random lines replaced, inserted or deleted', () => {
    const lines = EXAMPLE.split('\n');
    const edit = fc.record({
      at: fc.nat({ max: lines.length - 1 }),
      kind: fc.constantFrom('replace', 'insert', 'delete', 'truncate'),
      text: fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 }), fc.constantFrom(...lines)),
    });
    const mutated = fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
      const copy = [...lines];
      for (const { at, kind, text } of edits) {
        const index = Math.min(at, copy.length - 1);
        if (kind === 'replace') copy[index] = text;
        else if (kind === 'insert') copy.splice(index, 0, text);
        else if (kind === 'delete') copy.splice(index, 1);
        else copy[index] = copy[index]?.slice(0, text.length) ?? '';
      }
      return copy.join('\n');
    });
    fc.assert(fc.property(mutated, loadsOrConfigError), { numRuns: 300 });
  });

  test('the README example with anchors and aliases at random places (recursive ones included)', () => {
    const lines = EXAMPLE.split('\n');
    const placed = fc.record({
      anchorAt: fc.nat({ max: lines.length - 1 }),
      aliasAt: fc.nat({ max: lines.length - 1 }),
      flow: fc.boolean(),
    });
    const mutated = placed.map(({ anchorAt, aliasAt, flow }) => {
      const copy = [...lines];
      // The anchor goes on a key's value (or on its nested block); the alias becomes a new key or item after it.
      copy[anchorAt] = copy[anchorAt].replace(/^(\s*(?:- )?[\w-]+:)(.*)$/, (_all, key: string, rest: string) => `${key} &a${rest}`);
      const indent = /^\s*/.exec(copy[aliasAt])?.[0] ?? '';
      copy.splice(aliasAt + 1, 0, flow ? `${indent}x: [*a]` : `${indent}x: *a`);
      return copy.join('\n');
    });
    fc.assert(fc.property(mutated, loadsOrConfigError), { numRuns: 300 });
  });

  test('random data structures under cluster:', () => {
    const data = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
      list: fc.array(tie('value'), { maxLength: 4 }),
      map: fc.dictionary(fc.constantFrom('name', 'search_path', 'aws', 'nodes', 'volumes', 'meta', 'id', 'ip', 'size', 'iops', 'block', 'group', 'asg', 'ami', 'x'), tie('value'), { maxKeys: 5 }),
    }));
    fc.assert(fc.property(data.map, (cluster) => loadsOrConfigError(stringify({ cluster }))), { numRuns: 300 });
  });
});
