/**
 * The environment templates see: the real environment plus the config's
 * `environment:` entries, processed as the original did. Each entry is set
 * only when the variable is not already set (the real environment wins); its
 * value is first turned into text as Python's `str()` does (`true` -> `True`)
 * and then rendered as a Jinja2 string against the environment built so far,
 * entries in file order. The process environment itself is never changed.
 */
import { pyStr } from './jinja/python-values';
import { renderJinjaString } from './jinja/jinja-environment';

/** Entries kept per cluster map: one per distinct real environment (a process normally has one). */
const MAX_ENVIRONMENTS_PER_CLUSTER = 8;

/**
 * Effective environments already computed, per cluster map object (a loaded
 * config's, never changed after loading) and then by the real environment's
 * exact contents, so a changed variable is never served stale. Saves
 * rendering the `environment:` entries again for every node.
 */
const environmentsByClusterData = new WeakMap<object, Map<string, Readonly<Record<string, string>>>>();

/** @returns a fresh object (callers may change it) */
export function effectiveEnvironment(
  clusterData: Readonly<Record<string, unknown>>,
  realEnv: Record<string, string | undefined>,
): Record<string, string> {
  const defined = Object.entries(realEnv).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const key = JSON.stringify(defined);
  let byEnvironment = environmentsByClusterData.get(clusterData);
  if (!byEnvironment) {
    byEnvironment = new Map();
    environmentsByClusterData.set(clusterData, byEnvironment);
  }
  let env = byEnvironment.get(key);
  if (!env) {
    env = computeEffectiveEnvironment(clusterData, defined);
    if (byEnvironment.size >= MAX_ENVIRONMENTS_PER_CLUSTER) byEnvironment.delete(byEnvironment.keys().next().value as string);
    byEnvironment.set(key, env);
  }
  return { ...env };
}

function computeEffectiveEnvironment(clusterData: Readonly<Record<string, unknown>>, realEnv: ReadonlyArray<[string, string]>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of realEnv) env[key] = value;
  const entries = clusterData.environment;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return env;
  for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
    if (key in env) continue;
    env[key] = renderJinjaString(pyStr(value), env, `cluster.environment.${key}`);
  }
  return env;
}
