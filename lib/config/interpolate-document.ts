/**
 * Applies `${VAR}` substitution to the scalars of a parsed YAML document, in
 * place, so every value keeps its exact source position.
 *
 * A plain (unquoted) scalar is typed again after substitution, as if the value
 * had been written there: `terminate_protection: ${TP}` with `TP=false` is a
 * boolean. Quoted and block scalars stay strings. Map keys are not
 * interpolated (Compose does not either).
 */
import { Document, isMap, isPair, isScalar, isSeq, Scalar } from 'yaml';
import { interpolateVariables, VariableLookup } from './interpolate-variables';
import { KeyPath } from './yaml-positions';

/** A substitution that failed, located in the file. */
export interface DocumentInterpolationIssue {
  readonly path: KeyPath;
  readonly message: string;
  /** Offset of the `$` in the file text. */
  readonly offset: number;
}

/** Substitutes variables in every value scalar of `doc`; returns what failed. */
export function interpolateDocument(doc: Document, source: string, lookup: VariableLookup): DocumentInterpolationIssue[] {
  const issues: DocumentInterpolationIssue[] = [];
  const seen = new Set<unknown>();
  const walk = (node: unknown, path: KeyPath): void => {
    if (seen.has(node)) return;
    seen.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        walk(pair.value, [...path, isScalar(pair.key) ? String(pair.key.value) : '?']);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => walk(item, [...path, index]));
    } else if (isScalar(node) && typeof node.value === 'string') {
      interpolateScalar(doc, node, source, lookup, path, issues);
    }
  };
  walk(doc.contents, []);
  return issues;
}

function interpolateScalar(doc: Document, node: Scalar, source: string, lookup: VariableLookup, path: KeyPath, issues: DocumentInterpolationIssue[]): void {
  const text = node.value as string;
  if (!text.includes('$')) return;
  const result = interpolateVariables(text, lookup);
  const start = node.range?.[0] ?? 0;
  const written = node.range ? source.slice(node.range[0], node.range[1]) : '';
  let searchFrom = 0;
  for (const issue of result.issues) {
    // In a one-line plain scalar the value is the source text; otherwise
    // (quotes, escapes, folded lines) find the reference in the written text.
    let inSource = issue.offset;
    if (node.type !== Scalar.PLAIN || written.includes('\n')) {
      const snippet = text.slice(issue.offset, issue.offset + 2 + (issue.variable?.length ?? 0));
      const found = written.indexOf(snippet, searchFrom);
      inSource = found >= 0 ? found : 0;
      searchFrom = found >= 0 ? found + 1 : searchFrom;
    }
    issues.push({ path, message: issue.message, offset: start + inSource });
  }
  if (!result.changed || result.issues.length > 0) return;
  node.value = node.type === Scalar.PLAIN ? retype(doc, result.value) : result.value;
}

/**
 * The value a plain scalar with this text would have had in the document's
 * schema (YAML 1.1 here: `yes`/`no` booleans, ints, floats, null). An empty
 * substitution stays an empty string, as in Compose.
 */
function retype(doc: Document, text: string): unknown {
  if (text === '') return '';
  for (const tag of doc.schema.tags) {
    if (tag.default === true && 'test' in tag && tag.test instanceof RegExp && tag.test.test(text) && 'resolve' in tag && typeof tag.resolve === 'function') {
      let failed = false;
      const value = (tag.resolve as (value: string, onError: (message: string) => void, options: object) => unknown)(text, () => (failed = true), {});
      if (!failed) return value instanceof Scalar ? value.value : value;
    }
  }
  return text;
}
