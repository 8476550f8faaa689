// PRIVATE FALLBACK until the Jinja2 renderer exports the effective `environment:` values:
// switch `effectiveEnvironment` to that export then (it also renders each value as a Jinja string).
/**
 * The value each `cluster.environment` entry has at boot: the real environment
 * wins, otherwise the configured value turned into text as Python's `str()`
 * does for the common cases (`true` -> `True`, `null` -> `None`).
 */
export function effectiveEnvironment(
  environment: Record<string, unknown>,
  env: Record<string, string | undefined>,
): Array<[string, string]> {
  return Object.entries(environment).map(([key, value]) => [key, env[key] ?? pythonStr(value)]);
}

function pythonStr(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
