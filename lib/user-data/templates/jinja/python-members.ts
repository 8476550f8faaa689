/**
 * `value.name` and `value[key]` with Jinja2's rules: dict keys, list indexes
 * (negative ones too), str characters, and the Python methods templates call
 * (`dict.items()`, `list.append()`, `str.split()` ...). A missing key or
 * attribute is a StrictUndefined naming the whole expression.
 */
import { runtime } from './nunjucks-internals';
import { STRING_METHODS } from './python-string-methods';
import { isDict, printedAs, pyEquals, pyIterable, pyRepr, tuple } from './python-values';
import { isUndefined, undefinedName } from './strict-undefined';

type Method = (self: never, ...args: unknown[]) => unknown;

const DICT_METHODS: Record<string, Method> = {
  items: (d: Record<string, unknown>) => printedAs(Object.entries(d).map(([key, value]) => tuple([key, value])), (inner) => `dict_items(${inner})`),
  keys: (d: Record<string, unknown>) => printedAs(Object.keys(d), (inner) => `dict_keys(${inner})`),
  values: (d: Record<string, unknown>) => printedAs(Object.values(d), (inner) => `dict_values(${inner})`),
  get: (d: Record<string, unknown>, key, fallback = null) => (Object.prototype.hasOwnProperty.call(d, String(key)) ? d[String(key)] : fallback),
  copy: (d: Record<string, unknown>) => ({ ...d }),
  update: (d: Record<string, unknown>, other) => {
    Object.assign(d, other);
    return null;
  },
  setdefault: (d: Record<string, unknown>, key, fallback = null) => {
    const name = String(key);
    if (!Object.prototype.hasOwnProperty.call(d, name)) d[name] = fallback;
    return d[name];
  },
  pop: (d: Record<string, unknown>, key, ...fallback) => {
    const name = String(key);
    if (!Object.prototype.hasOwnProperty.call(d, name)) {
      if (fallback.length) return fallback[0];
      throw new Error(`KeyError: ${pyRepr(key)}`);
    }
    const value = d[name];
    delete d[name];
    return value;
  },
  // Python 2 spellings: the original tool ran on Python 2, so old templates may use them.
  iteritems: (d: Record<string, unknown>) => Object.entries(d).map(([key, value]) => tuple([key, value])),
  iterkeys: (d: Record<string, unknown>) => Object.keys(d),
  itervalues: (d: Record<string, unknown>) => Object.values(d),
  has_key: (d: Record<string, unknown>, key) => Object.prototype.hasOwnProperty.call(d, String(key)),
};

const LIST_METHODS: Record<string, Method> = {
  append: (l: unknown[], item) => {
    l.push(item);
    return null;
  },
  extend: (l: unknown[], items) => {
    l.push(...pyIterable(items));
    return null;
  },
  insert: (l: unknown[], index, item) => {
    l.splice(Number(index) < 0 ? Math.max(0, l.length + Number(index)) : Number(index), 0, item);
    return null;
  },
  pop: (l: unknown[], index = -1) => {
    if (!l.length) throw new Error('IndexError: pop from empty list');
    const at = Number(index) < 0 ? l.length + Number(index) : Number(index);
    return l.splice(at, 1)[0];
  },
  remove: (l: unknown[], item) => {
    const at = l.findIndex((candidate) => pyEquals(candidate, item));
    if (at < 0) throw new Error('ValueError: list.remove(x): x not in list');
    l.splice(at, 1);
    return null;
  },
  index: (l: unknown[], item) => {
    const at = l.findIndex((candidate) => pyEquals(candidate, item));
    if (at < 0) throw new Error(`ValueError: ${pyRepr(item)} is not in list`);
    return at;
  },
  count: (l: unknown[], item) => l.filter((candidate) => pyEquals(candidate, item)).length,
  reverse: (l: unknown[]) => {
    l.reverse();
    return null;
  },
  copy: (l: unknown[]) => [...l],
};

function bind(method: Method, self: unknown): (...args: unknown[]) => unknown {
  return (...args: unknown[]) => method(self as never, ...args);
}

function index(length: number, key: unknown): number | undefined {
  if (typeof key !== 'number' || !Number.isInteger(key)) return undefined;
  const at = key < 0 ? length + key : key;
  return at >= 0 && at < length ? at : undefined;
}

/**
 * Looks `key` up on `target` as Jinja2 does.
 * @param label the expression as written (`aws.nodes`), for the undefined message
 */
export function pythonMemberLookup(target: unknown, key: unknown, label: string): unknown {
  if (isUndefined(target)) return target.fail();
  const missing = () => undefinedName(label);
  if (target === null || target === undefined) return missing();
  if (typeof target === 'string' || target instanceof runtime.SafeString) {
    const text = String(target);
    if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(STRING_METHODS, key)) return bind(STRING_METHODS[key] as Method, text);
    const chars = Array.from(text);
    const at = index(chars.length, key);
    return at === undefined ? missing() : chars[at];
  }
  if (Array.isArray(target)) {
    if (typeof key === 'string' && Object.prototype.hasOwnProperty.call(LIST_METHODS, key)) return bind(LIST_METHODS[key], target);
    // Named-tuple fields, e.g. `group.grouper` / `group.list` of `groupby`.
    if (typeof key === 'string' && key !== 'length' && !/^\d+$/.test(key) && Object.prototype.hasOwnProperty.call(target, key)) return (target as unknown as Record<string, unknown>)[key];
    const at = index(target.length, key);
    return at === undefined ? missing() : target[at];
  }
  if (isDict(target)) {
    const name = typeof key === 'number' ? String(key) : key;
    if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(target, name)) {
      const value = target[name];
      return value === undefined ? null : value;
    }
    if (typeof name === 'string' && Object.prototype.hasOwnProperty.call(DICT_METHODS, name)) return bind(DICT_METHODS[name], target);
    return missing();
  }
  if (target !== null && typeof target === 'object' && typeof key === 'string' && key in target) {
    // Runtime objects such as `loop` and `cycler`.
    const value = (target as Record<string, unknown>)[key];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
  }
  return missing();
}
