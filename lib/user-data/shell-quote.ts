/**
 * Quoting for values written into generated bash.
 */

/** `value` as one bash word: single-quoted, with embedded single quotes as `'\''`. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `path` as one bash word, quoted only when it needs to be. */
export function pathWord(path: string): string {
  return /^[A-Za-z0-9_./-]+$/.test(path) ? path : shellQuote(path);
}
