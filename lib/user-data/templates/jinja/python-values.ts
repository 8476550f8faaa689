/**
 * Python's view of template values: `str()`, `repr()` and truth, so that
 * `{{ value }}` prints what Jinja2 prints (`True`, `None`, `[1, 'a']`,
 * `{'k': 'v'}`) and `{% if [] %}` is false.
 */
import { runtime } from './nunjucks-internals';
import { PyFloat, unwrapFloat } from './python-float';
import { isUndefined } from './strict-undefined';

const TUPLE = Symbol('python tuple');

/** An array that prints as a Python tuple, e.g. the pairs of `dict.items()`. */
export function tuple<T>(items: T[]): T[] {
  Object.defineProperty(items, TUPLE, { value: true });
  return items;
}

const PRINTED_AS = Symbol('python repr wrapper');

/**
 * A list that Python prints wrapped: `dict_keys([...])` for `dict.keys()`,
 * `range(0, 3)` for `range(3)`. It is a plain array for everything else.
 */
export function printedAs<T>(items: T[], format: (inner: string) => string): T[] {
  Object.defineProperty(items, PRINTED_AS, { value: format });
  return items;
}

export function isTuple(value: unknown[]): boolean {
  return (value as unknown as Record<symbol, unknown>)[TUPLE] === true;
}

/** A Python dict: a plain object (YAML mapping, `{...}` literal), not an array or a function. */
export function isDict(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  if (value instanceof runtime.SafeString || isUndefined(value)) return false;
  // A plain object of any realm (jest runs tests in a separate one).
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Python's `repr()` of a float: shortest round-trip digits, exponent from 1e16 and below 1e-4. */
function floatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Object.is(value, -0)) return '-0.0';
  const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  if (exponent >= 16 || exponent < -4) {
    const [mantissa, exp] = value.toExponential().split('e');
    const expNumber = Number(exp);
    const sign = expNumber < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(expNumber)).padStart(2, '0')}`;
  }
  const text = String(value);
  return Number.isInteger(value) ? `${text}.0` : text;
}

/**
 * Python's `str()` of a number. JavaScript has one number type, so a YAML float
 * with a zero fraction (`2.0`) prints as an int (`2`): a documented gap.
 */
function numberStr(value: number): string {
  // An integral number is an int below 1e21 (a YAML int, `10 ** 16`, `x | int`), printed with
  // all its digits. Beyond 2^53 it is the nearest double: a YAML int 12345678901234567890 prints
  // 12345678901234567168 (PyYAML keeps it exact).
  return Number.isInteger(value) && Math.abs(value) < 1e21 ? BigInt(value).toString() : floatRepr(value);
}

/** Python's `repr()` of a str: single quotes unless the text holds `'` and no `"`. */
function stringRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = quote;
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === quote || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return out + quote;
}

/** Python's `repr()`. */
export function pyRepr(value: unknown): string {
  if (typeof value === 'string') return stringRepr(value);
  if (value instanceof runtime.SafeString) return stringRepr(String(value));
  if (Array.isArray(value)) {
    const items = value.map(pyRepr);
    if (isTuple(value)) return `(${items.join(', ')}${items.length === 1 ? ',' : ''})`;
    const format = (value as unknown as Record<symbol, ((inner: string) => string) | undefined>)[PRINTED_AS];
    return format ? format(`[${items.join(', ')}]`) : `[${items.join(', ')}]`;
  }
  if (isDict(value)) {
    return `{${Object.entries(value).map(([key, item]) => `${stringRepr(key)}: ${pyRepr(item)}`).join(', ')}}`;
  }
  return pyStr(value);
}

/** Python's `str()`: what `{{ value }}` prints. Throws for an undefined value. */
/**
 * Python's `str()` of the value PyYAML makes of a YAML timestamp: a date
 * (`2024-01-02`) when the time is midnight UTC (the yaml library gives a
 * JavaScript Date for both), else a datetime (`2024-01-02 10:00:00`, in UTC).
 */
function dateStr(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'Invalid Date';
  const iso = date.toISOString(); // 2024-01-02T10:00:00.000Z
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  const millis = date.getUTCMilliseconds();
  if (time === '00:00:00' && millis === 0) return day;
  return `${day} ${time}${millis ? `.${String(millis * 1000).padStart(6, '0')}` : ''}`;
}

export function pyStr(value: unknown): string {
  if (isUndefined(value)) return value.fail();
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return numberStr(value);
  if (value instanceof PyFloat) return floatRepr(value.value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof runtime.SafeString) return String(value);
  if (Array.isArray(value) || isDict(value)) return pyRepr(value);
  if (typeof value === 'function') return `<bound method ${value.name || 'function'}>`;
  if (value instanceof Date) return dateStr(value);
  return String(value);
}

/** Python's truth test. Throws for an undefined value (StrictUndefined). */
export function pyTruthy(value: unknown): boolean {
  if (isUndefined(value)) return value.fail();
  if (value instanceof PyFloat) return value.value !== 0;
  if (value === null || value === undefined || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isDict(value)) return Object.keys(value).length > 0;
  if (value instanceof runtime.SafeString) return String(value).length > 0;
  return true;
}

/** Python's type name, for error messages. */
export function pyTypeName(value: unknown): string {
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'string' || value instanceof runtime.SafeString) return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (value instanceof PyFloat) return 'float';
  if (Array.isArray(value)) return isTuple(value) ? 'tuple' : 'list';
  if (isDict(value)) return 'dict';
  if (typeof value === 'function') return 'method';
  if (value instanceof Date) return 'date';
  return typeof value;
}

/** Python's `==`: by value for lists and dicts, no type coercion (`1 == '1'` is false, `1 == True` true). */
export function pyEquals(left: unknown, right: unknown): boolean {
  if (isUndefined(left)) return left.fail();
  if (isUndefined(right)) return right.fail();
  left = unwrapFloat(left);
  right = unwrapFloat(right);
  if (left instanceof runtime.SafeString) left = String(left);
  if (right instanceof runtime.SafeString) right = String(right);
  if (left === undefined) left = null;
  if (right === undefined) right = null;
  const asNumber = (value: unknown) => (typeof value === 'boolean' ? Number(value) : value);
  if ((typeof left === 'boolean' || typeof left === 'number') && (typeof right === 'boolean' || typeof right === 'number')) {
    return asNumber(left) === asNumber(right);
  }
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => pyEquals(item, right[index]));
  }
  if (isDict(left) && isDict(right)) {
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => key in right && pyEquals(left[key], right[key]));
  }
  return left === right;
}

/** What `for x in value` iterates: list items, dict keys, str characters. */
export function pyIterable(value: unknown): unknown[] {
  if (isUndefined(value)) return value.fail();
  if (Array.isArray(value)) return value;
  if (typeof value === 'string' || value instanceof runtime.SafeString) return Array.from(String(value));
  if (isDict(value)) return Object.keys(value);
  if (value !== null && typeof value === 'object' && Symbol.iterator in value) return Array.from(value as Iterable<unknown>);
  throw new TypeError(`'${pyTypeName(value)}' object is not iterable`);
}
