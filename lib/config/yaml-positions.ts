/**
 * From a key path (`['cluster', 'aws', 'nodes', 1, 'ip']`) to the line and
 * column of the YAML node it came from, and to its printed form
 * (`cluster.aws.nodes[1].ip`).
 */
import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, Node, Pair, YAMLMap } from 'yaml';

export type KeyPath = readonly (string | number)[];

/** `cluster.aws.nodes[1].ip` */
export function formatKeyPath(path: KeyPath): string {
  return path.reduce<string>((out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : String(part)), '');
}

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * Locates `path` in the document. `target: 'value'` (default) points at the
 * value; `'key'` at the map key naming it. A path that does not exist (a
 * missing key) points at the deepest map or list on the way that does.
 */
export function locate(doc: Document, lineCounter: LineCounter, path: KeyPath, target: 'value' | 'key' = 'value'): Position | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let last: unknown = node;
  for (const part of path) {
    node = resolveAlias(doc, node);
    keyNode = undefined;
    if (isMap(node)) {
      const pair = findPair(doc, node, part);
      if (!pair) break;
      last = node;
      keyNode = pair.key;
      node = pair.value ?? pair.key;
    } else if (isSeq(node) && typeof part === 'number' && part < node.items.length) {
      last = node;
      node = node.items[part];
    } else {
      break;
    }
    last = node;
  }
  const chosen = target === 'key' && keyNode ? keyNode : last;
  const offset = rangeStart(chosen);
  if (offset === undefined) return undefined;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/**
 * The pair for `key` in `map`, looking through YAML 1.1 merge keys (`<<: *base`) as a loader does.
 * Of a repeated key, the last pair: its value is the one loaded (as in PyYAML).
 */
function findPair(doc: Document, map: YAMLMap, key: string | number, depth = 0): Pair | undefined {
  const own = [...map.items].reverse().find((item) => isPair(item) && keyMatches(item.key, key));
  if (own || depth > 10) return own;
  for (const item of map.items) {
    if (!isPair(item) || !isMergeKey(item.key)) continue;
    const sources = resolveAlias(doc, item.value);
    for (const source of isSeq(sources) ? sources.items.map((entry) => resolveAlias(doc, entry)) : [sources]) {
      const merged = isMap(source) ? findPair(doc, source, key, depth + 1) : undefined;
      if (merged) return merged;
    }
  }
  return undefined;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (key.source === '<<' || key.value === '<<' || (typeof key.value === 'symbol' && key.value.description === '<<'));
}

function keyMatches(key: unknown, part: string | number): boolean {
  const value = isScalar(key) ? key.value : key;
  return value !== null && value !== undefined && typeof value !== 'symbol' && String(value) === String(part);
}

function resolveAlias(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | undefined)?.range?.[0];
}
