/** Python slicing, `value[start:stop:step]`, for lists and strings. */
import { pyTypeName } from './python-values';
import { isUndefined } from './strict-undefined';

function sliceIndex(value: unknown, length: number, fallback: number, step: number): number {
  if (value === null || value === undefined) return fallback;
  const n = Number(value);
  if (n < 0) return Math.max(n + length, step < 0 ? -1 : 0);
  return Math.min(n, step < 0 ? length - 1 : length);
}

/** `value[start:stop:step]` for lists and strings. */
export function pySlice(target: unknown, start: unknown, stop: unknown, step: unknown): unknown {
  if (isUndefined(target)) target.fail();
  const stride = step === null || step === undefined ? 1 : Number(step);
  if (stride === 0) throw new Error('ValueError: slice step cannot be zero');
  const items = typeof target === 'string' ? Array.from(target) : Array.isArray(target) ? target : undefined;
  if (!items) throw new TypeError(`'${pyTypeName(target)}' object is not subscriptable`);
  const from = sliceIndex(start, items.length, stride < 0 ? items.length - 1 : 0, stride);
  const to = sliceIndex(stop, items.length, stride < 0 ? -1 : items.length, stride);
  const result: unknown[] = [];
  for (let i = from; stride > 0 ? i < to : i > to; i += stride) result.push(items[i]);
  return typeof target === 'string' ? result.join('') : result;
}
