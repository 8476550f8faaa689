/** How a value found in the file is shown in messages: `"30g"`, `42`, `a list`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value (null)';
  if (typeof value === 'string') return value === '' ? 'an empty string' : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value === 'boolean' ? 'boolean ' : ''}${String(value)}`;
  if (value instanceof Date) return `a date (${value.toISOString().slice(0, 10)}); quote it to make it a string`;
  if (value instanceof Map) return 'an ordered map (!!omap/!!pairs); write a plain map';
  if (value instanceof Set) return 'a set (!!set); write a list';
  if (value instanceof Uint8Array) return 'binary data (!!binary)';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return 'a map';
  return typeof value;
}
