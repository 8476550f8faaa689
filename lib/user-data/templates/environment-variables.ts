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

export function effectiveEnvironment(
  clusterData: Record<string, unknown>,
  realEnv: Record<string, string | undefined>,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(realEnv)) if (value !== undefined) env[key] = value;
  const entries = clusterData.environment;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return env;
  for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
    if (key in env) continue;
    env[key] = renderJinjaString(pyStr(value), env, `cluster.environment.${key}`);
  }
  return env;
}
