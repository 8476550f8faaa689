/** Defensive readers for config data that has not been validated yet. */

export type RawMap = Record<string, unknown>;

export function isRawMap(value: unknown): value is RawMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

/** `value` when it is a map, else an empty one. */
export function mapOrEmpty(value: unknown): RawMap {
  return isRawMap(value) ? value : {};
}

/** `value` when it is a list, else an empty one. */
export function listOrEmpty(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
