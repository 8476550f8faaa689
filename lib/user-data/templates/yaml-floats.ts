/**
 * Finds the floats with an integral value (`version: 3.0`) in the config file,
 * so that templates print them as Python did (`3.0`, not `3`): the parsed
 * config holds JavaScript numbers, which cannot tell `3.0` from `3`.
 */
import * as fs from 'fs';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { PyFloat } from './jinja/python-float';

/** PyYAML's YAML 1.1 float syntax with a dot (its only float form besides .inf/.nan and sexagesimals). */
const YAML_FLOAT = /^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+]?[0-9]+)?$/;

type Path = Array<string | number>;

/** Paths (from the top of the file) of plain scalars written as floats whose value is integral. */
function integralFloatPaths(text: string): Array<{ path: Path; value: number }> {
  const paths: Array<{ path: Path; value: number }> = [];
  const doc = parseDocument(text, { version: '1.1' });
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'number' || !Number.isInteger(node.value)) return;
      if (node.type !== 'PLAIN' || !YAML_FLOAT.test(String(node.source ?? '').trim())) return;
      const path: Path = [];
      const chain = [...ancestors, node];
      for (let i = 0; i < chain.length - 1; i++) {
        const parent = chain[i];
        const child = chain[i + 1];
        if (isPair(child) && isMap(parent)) {
          if (!isScalar(child.key)) return;
          path.push(String(child.key.value));
        } else if (isSeq(parent)) {
          path.push(parent.items.indexOf(child as never));
        }
      }
      paths.push({ path, value: node.value });
    },
  });
  return paths;
}

/**
 * Replaces, in `data` (the `cluster:` map, mutated), every number that the
 * file wrote as an integral float by a `PyFloat`. Values that came from
 * `${VAR}` substitution or do not match the file are left alone.
 */
export function markIntegralFloats(data: Record<string, unknown>, configFile: string): void {
  let text: string;
  try {
    text = fs.readFileSync(configFile, 'utf8');
  } catch {
    return;
  }
  for (const { path, value } of integralFloatPaths(text)) {
    if (path[0] !== 'cluster' || path.length < 2) continue;
    let parent: unknown = data;
    for (const key of path.slice(1, -1)) parent = parent !== null && typeof parent === 'object' ? (parent as Record<string | number, unknown>)[key] : undefined;
    const last = path[path.length - 1];
    if (parent === null || typeof parent !== 'object') continue;
    const container = parent as Record<string | number, unknown>;
    if (container[last] === value) container[last] = new PyFloat(value);
  }
}
