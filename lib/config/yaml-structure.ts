/**
 * Structure checks on the parsed YAML before it becomes data: repeated keys
 * in one map (PyYAML, the original's parser, let the last one win silently)
 * and aliases inside the node they refer to (a recursive structure, which no
 * config or template can use).
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Node } from 'yaml';
import { KeyPath } from './yaml-positions';

/** A structure problem at an offset of the file text. */
export interface YamlStructureProblem {
  readonly path: KeyPath;
  readonly offset: number;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * Repeated keys (a warning: the last value wins, as in PyYAML) and recursive
 * aliases (an error) in `doc`. `lineOf` turns an offset into a 1-based line.
 */
export function yamlStructureProblems(doc: Document, lineOf: (offset: number) => number): YamlStructureProblem[] {
  const problems: YamlStructureProblem[] = [];
  const ancestors = new Set<unknown>();
  const walk = (node: unknown, path: KeyPath): void => {
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (target !== undefined && ancestors.has(target)) {
        const anchorAt = target.range?.[0];
        problems.push({
          path,
          offset: node.range?.[0] ?? 0,
          severity: 'error',
          message: `the alias *${node.source} is inside the node it refers to (&${node.source}${anchorAt === undefined ? '' : ` on line ${lineOf(anchorAt)}`}): a recursive structure cannot be a config value; expected an alias of a node it is not part of`,
        });
      }
      return;
    }
    if (!isMap(node) && !isSeq(node)) return;
    ancestors.add(node);
    if (isMap(node)) {
      const seen = new Map<string, Node>();
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        // A collection as key cannot be printed safely (its merges may be invalid); it names no config key.
        const name = isScalar(pair.key) ? String(pair.key.value) : '?';
        if (isScalar(pair.key) && name !== '<<') {
          const first = seen.get(name);
          const at = pair.key.range?.[0];
          if (first !== undefined && at !== undefined) {
            const firstAt = first.range?.[0] ?? 0;
            problems.push({
              path: [...path, name],
              offset: at,
              severity: 'warning',
              message: `duplicate key "${name}": also on line ${lineOf(firstAt)}; the value here (line ${lineOf(at)}) wins, as the original's PyYAML did. Expected each key once`,
            });
          }
          seen.set(name, pair.key);
        }
        walk(pair.value, [...path, name]);
      }
    } else {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    }
    ancestors.delete(node);
  };
  walk(doc.contents, []);
  return problems;
}
