// PRIVATE FALLBACK with the signature of `effectiveEnvironment` in
// lib/user-data/templates/environment-variables.ts (helper "jinja"): once that lands,
// import it from './templates' in compose-start.ts and delete this file. The real one
// also renders each value as a Jinja2 string against the environment built so far.
/**
 * The real environment plus the config's `environment:` entries, each set only
 * when not already set (the real environment wins), its value turned into text
 * as Python's `str()` does for the common cases (`true` -> `True`).
 */
export function effectiveEnvironment(clusterData: Record<string, unknown>, realEnv: Record<string, string | undefined>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(realEnv)) if (value !== undefined) env[key] = value;
  const entries = clusterData.environment;
  if (entries === null || typeof entries !== 'object' || Array.isArray(entries)) return env;
  for (const [key, value] of Object.entries(entries as Record<string, unknown>)) {
    if (!(key in env)) env[key] = pythonStr(value);
  }
  return env;
}

function pythonStr(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
