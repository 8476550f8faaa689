/**
 * Plain scalars are typed as PyYAML (the original's parser) types them. PyYAML
 * itself is the reference: this test runs it (Debian python3-yaml).
 */
import { execFileSync } from 'child_process';
import { parseDocument } from 'yaml';
import { pyyamlScalarTags } from '../../lib/config/pyyaml-scalars';

const SCALARS = [
  '.', '..', 'y', 'Y', 'n', 'N', 'yes', 'No', 'ON', 'off', 'true', 'False', 'TRUE', 'tRue',
  '1e5', '1e+5', '1.5e+3', '1.5e3', '.5', '-.5', '+.5', '3.10', '1_000', '1_000.5', '0.', '-0.0',
  '09', '010', '0x1f', '0b101', '-0x1F', '+12', '0', '-0', '1:20', '1:20.5', '190:20:30',
  '.inf', '-.Inf', '.NaN', '.nan', 'nan', 'inf', '~', 'null', 'Null', 'NULL', 'nUll',
  't2.medium', '10.0.1.10', '30G', '900M', 'ami-12345678', 'docker:1.10', '0o17', '1__2', '_1',
];

function pyyaml(values: string[]): unknown[] {
  // JSON cannot carry NaN/infinity: they travel as Python's str() ('nan', 'inf', '-inf').
  const script = [
    'import sys, json, math, yaml',
    'conv = lambda v: str(v) if isinstance(v, float) and not math.isfinite(v) else v',
    'print(json.dumps([conv(yaml.safe_load(v)) for v in json.load(sys.stdin)], default=str))',
  ].join('\n');
  const out = execFileSync('python3', ['-c', script], { input: JSON.stringify(values), encoding: 'utf8' });
  return JSON.parse(out) as unknown[];
}

function ours(value: string): unknown {
  const result = parseDocument(value, { version: '1.1', customTags: pyyamlScalarTags }).toJS() as unknown;
  if (typeof result === 'number' && !Number.isFinite(result)) return Number.isNaN(result) ? 'nan' : result > 0 ? 'inf' : '-inf';
  return result;
}

test('plain scalars get the same type and value as with PyYAML safe_load', () => {
  const expected = pyyaml(SCALARS);
  const mismatches = SCALARS.map((value, index) => ({ value, ours: ours(value), pyyaml: expected[index] })).filter(
    (row) => !Object.is(row.ours, row.pyyaml) && !(typeof row.ours === 'number' && row.ours === row.pyyaml),
  );
  expect(mismatches).toEqual([]);
});
