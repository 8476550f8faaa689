/**
 * The compose project's `.env` file: how `${VAR}` in the compose files gets
 * its value when compose runs on the node.
 */

/** True for names compose and the shell accept as variables. */
export function isVariableName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/**
 * One `KEY=value` line. Plain values stay unquoted (every compose version,
 * v1 included, reads them alike); others are single-quoted, which compose v2
 * reads literally. A value holding a single quote is double-quoted with
 * `\\`, `\"`, `\$` and `\n` escapes.
 */
export function dotenvLine(key: string, value: string): string {
  if (!isVariableName(key)) throw new Error(`"${key}" is not a variable name`);
  if (/^[A-Za-z0-9_./:@%+,=-]*$/.test(value)) return `${key}=${value}`;
  if (!value.includes("'") && !value.includes('\n')) return `${key}='${value}'`;
  const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$/g, '\\$').replace(/\n/g, '\\n');
  return `${key}="${escaped}"`;
}
