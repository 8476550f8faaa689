/**
 * Jinja2's filters where nunjucks' differ (Python `str()` of items, Python
 * truth in `default(x, true)`, `replace` on any value, `map`, attribute
 * arguments ...) and its tests (`defined` knows StrictUndefined). Every other
 * filter refuses an undefined input, as Jinja2's StrictUndefined makes it.
 */
import { percentFormat } from './percent-format';
import { PyFloat, pyFloat, unwrapFloat } from './python-float';
import { STRING_METHODS } from './python-string-methods';
import { pythonMemberLookup } from './python-members';
import { pyAdd } from './python-operators';
import { isDict, pyEquals, pyIterable, pyRepr, pyStr, pyTruthy, pyTypeName, tuple } from './python-values';
import { StrictUndefined, isUndefined, requireDefined } from './strict-undefined';

type Filter = (...args: any[]) => unknown; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Keyword arguments arrive as a trailing object marked `__keywords` (nunjucks convention). */
function splitKeywords(args: unknown[]): [unknown[], Record<string, unknown>] {
  const last = args[args.length - 1];
  if (last !== null && typeof last === 'object' && (last as Record<string, unknown>).__keywords === true) {
    return [args.slice(0, -1), last as Record<string, unknown>];
  }
  return [args, {}];
}

function attributeGetter(attribute: unknown): (item: unknown) => unknown {
  if (attribute === undefined || attribute === null) return (item) => item;
  const path = typeof attribute === 'number' ? [attribute] : String(attribute).split('.');
  return (item) => path.reduce((value: unknown, key) => pythonMemberLookup(value, typeof key === 'number' || /^\d+$/.test(key) ? Number(key) : key, `${pyStr(attribute)}`), item);
}

/** Jinja2's `make_multi_attrgetter` (`sort(attribute="zone,id")`): a tuple of the attributes. */
function multiAttributeGetter(attribute: unknown): (item: unknown) => unknown {
  if (typeof attribute !== 'string' || !attribute.includes(',')) return attributeGetter(attribute);
  const getters = attribute.split(',').map(attributeGetter);
  return (item) => getters.map((get) => get(item));
}

/** A filter argument this layer does not implement: an error, never a silently different result. */
function unsupported(filter: string, argument: string): never {
  throw new Error(`filter ${filter} with argument ${argument} is not supported`);
}

/** Refuses keyword arguments other than `known`. */
function onlyKeywords(filter: string, kw: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(kw)) if (key !== '__keywords' && !known.includes(key)) unsupported(filter, key);
}

/** Python's `int(text, base)` for a string (underscores between digits, 0x/0o/0b prefixes); NaN when invalid. */
function parsePythonInt(source: string, base: number): number {
  const match = /^([-+]?)(0[xX]|0[oO]|0[bB])?([0-9a-zA-Z](?:_?[0-9a-zA-Z])*)$/.exec(source.trim());
  if (!match) return NaN;
  const prefixBase = match[2] ? { x: 16, o: 8, b: 2 }[match[2][1].toLowerCase() as 'x' | 'o' | 'b'] : undefined;
  const effective = base === 0 ? (prefixBase ?? 10) : base;
  if (prefixBase !== undefined && prefixBase !== effective) return NaN;
  if (base === 0 && prefixBase === undefined && /^0+[1-9]/.test(match[3])) return NaN;
  const digits = match[3].replace(/_/g, '').toLowerCase();
  const valid = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, effective);
  if (![...digits].every((c) => valid.includes(c))) return NaN;
  const value = parseInt(digits, effective);
  return match[1] === '-' ? -value : value;
}

function text(value: unknown): string {
  return pyStr(value);
}

function sortKey(value: unknown, caseSensitive: boolean): unknown {
  return !caseSensitive && typeof value === 'string' ? value.toLowerCase() : value;
}

function compareValues(rawA: unknown, rawB: unknown): number {
  const a = unwrapFloat(rawA);
  const b = unwrapFloat(rawB);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (Array.isArray(a) && Array.isArray(b)) {
    // Python compares tuples and lists item by item, then by length.
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      if (pyEquals(a[i], b[i])) continue;
      return compareValues(a[i], b[i]);
    }
    return a.length - b.length;
  }
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' || typeof b === 'boolean') return Number(a) - Number(b);
  throw new TypeError(`'<' not supported between instances of '${pyTypeName(a)}' and '${pyTypeName(b)}'`);
}

/** Jinja2's `title` filter: upper-cases the first character after `-`, whitespace or an opening bracket. */
function jinjaTitle(value: string): string {
  return value
    .split(/([-\s({[<]+)/)
    .filter((item) => item !== '')
    .map((item) => item.charAt(0).toUpperCase() + item.slice(1).toLowerCase())
    .join('');
}

/** Python's `json.dumps(value, sort_keys=True)` made HTML-safe, as Jinja2's `tojson` does. */
function toJson(value: unknown, indent?: number): string {
  const dump = (item: unknown, depth: number): string => {
    if (isUndefined(item)) return item.fail();
    if (item === null || item === undefined) return 'null';
    const join = (parts: string[], open: string, close: string): string => {
      if (parts.length === 0) return open + close;
      if (indent === undefined) return open + parts.join(', ') + close;
      const pad = (level: number) => '\n' + ' '.repeat(indent * level);
      return open + pad(depth + 1) + parts.join(',' + pad(depth + 1)) + pad(depth) + close;
    };
    if (Array.isArray(item)) return join(item.map((entry) => dump(entry, depth + 1)), '[', ']');
    if (isDict(item)) {
      const keys = Object.keys(item).sort();
      return join(keys.map((key) => `${dump(key, depth + 1)}: ${dump(item[key], depth + 1)}`), '{', '}');
    }
    if (item instanceof PyFloat) return pyStr(item);
    if (typeof item === 'string') return JSON.stringify(item).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return JSON.stringify(item);
  };
  return dump(value, 0).replace(/[<>&']/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Python's `urllib.parse.quote` (safe: letters, digits, `_.-~` and `safe`), `+` for spaces in query strings as Jinja2's `url_quote(for_qs=True)`. */
function urlQuote(value: unknown, forQuery: boolean): string {
  const safe = forQuery ? '' : '/';
  const quoted = [...new TextEncoder().encode(pyStr(value))]
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9_.\-~]/.test(c) || safe.includes(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return forQuery ? quoted.replace(/%20/g, '+') : quoted;
}

/** `pprint`'s repr: dict keys sorted (as `pprint.pformat` sorts them). */
function sortedRepr(value: unknown): string {
  if (isDict(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((key) => `${pyRepr(key)}: ${sortedRepr(value[key])}`).join(', ')}}`;
  }
  if (Array.isArray(value)) {
    const items = value.map(sortedRepr);
    return isTupleLike(value) ? `(${items.join(', ')}${items.length === 1 ? ',' : ''})` : `[${items.join(', ')}]`;
  }
  return pyRepr(value);
}

function isTupleLike(value: unknown[]): boolean {
  return pyTypeName(value) === 'tuple';
}

/** Python's `str.splitlines()`. */
function pyStringLines(value: string): string[] {
  const lines = value.split(/\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Python's `round()`: halves go to the even neighbour. */
function roundHalfEven(value: number, precision: number): number {
  const factor = 10 ** precision;
  const scaled = value * factor;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  return rounded / factor;
}

/** Filters with Jinja2's behaviour, by name. */
export function jinjaFilters(getTest: (name: string) => (...args: unknown[]) => unknown, getFilter: (name: string) => Filter): Record<string, Filter> {
  const defaultFilter: Filter = (value, ...rawArgs) => {
    const [args, kw] = splitKeywords(rawArgs);
    const fallback = 'default_value' in kw ? kw.default_value : args.length > 0 ? args[0] : '';
    const boolean = Boolean(kw.boolean ?? args[1] ?? false);
    return isUndefined(value) || (boolean && !pyTruthy(value)) ? fallback : value;
  };
  const select = (keep: boolean, byAttribute: boolean): Filter => (value, ...rawArgs) => {
    const [args] = splitKeywords(rawArgs);
    const items = pyIterable(value);
    const get = byAttribute ? attributeGetter(args.shift()) : (item: unknown) => item;
    const testName = args.shift();
    return items.filter((item) => {
      const subject = get(item);
      const result = testName === undefined ? pyTruthy(subject) : getTest(String(testName))(subject, ...args) === true;
      return result === keep;
    });
  };
  return {
    default: defaultFilter,
    d: defaultFilter,
    join: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      const separator = kw.d ?? args[0] ?? '';
      const get = attributeGetter(kw.attribute ?? args[1]);
      return pyIterable(value).map((item) => text(get(item))).join(text(separator));
    },
    length: (value) => pyIterable(isDict(value) ? Object.keys(value) : value).length,
    count: (value) => pyIterable(isDict(value) ? Object.keys(value) : value).length,
    upper: (value) => text(value).toUpperCase(),
    lower: (value) => text(value).toLowerCase(),
    capitalize: (value) => STRING_METHODS.capitalize(text(value)),
    title: (value) => jinjaTitle(text(value)),
    format: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      const { __keywords: _ignored, ...mapping } = kw;
      return percentFormat(text(value), Object.keys(mapping).length ? mapping : tuple(args));
    },
    min: (value, ...rawArgs) => {
      const [, kw] = splitKeywords(rawArgs);
      const get = attributeGetter(kw.attribute);
      const items = pyIterable(value);
      if (!items.length) return new StrictUndefined('No aggregated item, sequence was empty.');
      return items.reduce((best, item) => (compareValues(sortKey(get(item), Boolean(kw.case_sensitive)), sortKey(get(best), Boolean(kw.case_sensitive))) < 0 ? item : best));
    },
    max: (value, ...rawArgs) => {
      const [, kw] = splitKeywords(rawArgs);
      const get = attributeGetter(kw.attribute);
      const items = pyIterable(value);
      if (!items.length) return new StrictUndefined('No aggregated item, sequence was empty.');
      return items.reduce((best, item) => (compareValues(sortKey(get(item), Boolean(kw.case_sensitive)), sortKey(get(best), Boolean(kw.case_sensitive))) > 0 ? item : best));
    },
    round: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      const precision = Number(kw.precision ?? args[0] ?? 0);
      const method = String(kw.method ?? args[1] ?? 'common');
      const number = Number(requireDefined(value));
      const factor = 10 ** precision;
      // Python's round() of an int is an int; floor/ceil divide, so they give a float.
      if (method === 'common' && typeof value === 'number' && Number.isInteger(value)) return number;
      if (!['common', 'ceil', 'floor'].includes(method)) throw new Error('method must be common, ceil or floor');
      if (method === 'ceil') return pyFloat(Math.ceil(number * factor) / factor);
      if (method === 'floor') return pyFloat(Math.floor(number * factor) / factor);
      return pyFloat(roundHalfEven(number, precision));
    },
    dictsort: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      const caseSensitive = Boolean(kw.case_sensitive ?? args[0] ?? false);
      const by = String(kw.by ?? args[1] ?? 'key');
      const reverse = Boolean(kw.reverse ?? args[2] ?? false);
      if (!isDict(value)) throw new TypeError(`dictsort: expected a dict, got ${pyTypeName(value)}`);
      const index = by === 'value' ? 1 : 0;
      const pairs = Object.entries(value).map(([key, item]) => tuple([key, item]));
      pairs.sort((a, b) => compareValues(sortKey(a[index], caseSensitive), sortKey(b[index], caseSensitive)));
      return reverse ? pairs.reverse() : pairs;
    },
    groupby: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('groupby', kw, ['attribute', 'default', 'case_sensitive']);
      const getAttribute = attributeGetter(kw.attribute ?? args[0]);
      const fallback = 'default' in kw ? kw.default : args[1];
      const caseSensitive = pyTruthy(kw.case_sensitive ?? args[2] ?? false);
      const get = (item: unknown) => {
        const found = getAttribute(item);
        return isUndefined(found) && fallback !== undefined ? fallback : found;
      };
      const key = (item: unknown) => sortKey(get(item), caseSensitive);
      const groups: Array<[unknown, unknown[]]> = [];
      const items = [...pyIterable(value)].sort((a, b) => compareValues(key(a), key(b)));
      for (const item of items) {
        const last = groups[groups.length - 1];
        if (last && pyEquals(key(last[1][0]), key(item))) last[1].push(item);
        else groups.push([get(item), [item]]);
      }
      return groups.map((group) => {
        const named = tuple<unknown>([...group]);
        Object.defineProperty(named, 'grouper', { value: group[0] });
        Object.defineProperty(named, 'list', { value: group[1] });
        return named;
      });
    },
    trim: (value, chars) => STRING_METHODS.strip(text(value), chars),
    replace: (value, old, replacement, count) => STRING_METHODS.replace(text(value), old, replacement, count),
    string: (value) => text(value),
    int: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('int', kw, ['default', 'base']);
      const fallback = kw.default ?? args[0] ?? 0;
      const base = Number(kw.base ?? args[1] ?? 10);
      if (typeof value === 'number' || value instanceof PyFloat) return Math.trunc(Number(value));
      if (typeof value === 'boolean') return Number(value);
      if (typeof value !== 'string') return fallback;
      const parsed = parsePythonInt(value, base);
      if (!Number.isNaN(parsed)) return parsed;
      // Jinja2 falls back to int(float(value)).
      const source = value.trim().replace(/(\d)_(?=\d)/g, '$1');
      return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(source) ? Math.trunc(Number(source)) : fallback;
    },
    float: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('float', kw, ['default']);
      const fallback = kw.default ?? args[0] ?? pyFloat(0);
      if (typeof value === 'number' || value instanceof PyFloat || typeof value === 'boolean') return pyFloat(Number(value));
      const parsed = Number(text(value).trim());
      return text(value).trim() === '' || Number.isNaN(parsed) ? fallback : pyFloat(parsed);
    },
    list: (value) => [...pyIterable(value)],
    first: (value) => {
      const items = pyIterable(value);
      return items.length ? items[0] : new StrictUndefined('No first item, sequence was empty.');
    },
    last: (value) => {
      const items = pyIterable(value);
      return items.length ? items[items.length - 1] : new StrictUndefined('No last item, sequence was empty.');
    },
    sort: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      const reverse = Boolean(kw.reverse ?? args[0] ?? false);
      const caseSensitive = Boolean(kw.case_sensitive ?? args[1] ?? false);
      onlyKeywords('sort', kw, ['reverse', 'case_sensitive', 'attribute']);
      const get = multiAttributeGetter(kw.attribute ?? args[2]);
      // Python's sort(reverse=True) keeps equal items in their order: negate, do not reverse.
      const direction = reverse ? -1 : 1;
      return [...pyIterable(value)].sort((a, b) => direction * compareValues(sortKey(get(a), caseSensitive), sortKey(get(b), caseSensitive)));
    },
    unique: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('unique', kw, ['case_sensitive', 'attribute']);
      const caseSensitive = pyTruthy(kw.case_sensitive ?? args[0] ?? false);
      const get = attributeGetter(kw.attribute ?? args[1]);
      const out: unknown[] = [];
      const seen: unknown[] = [];
      for (const item of pyIterable(value)) {
        const key = sortKey(get(item), caseSensitive);
        if (seen.some((other) => pyEquals(other, key))) continue;
        seen.push(key);
        out.push(item);
      }
      return out;
    },
    map: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      if (kw.attribute !== undefined) {
        const get = attributeGetter(kw.attribute);
        return pyIterable(value).map((item) => {
          const result = get(item);
          return isUndefined(result) && kw.default !== undefined ? kw.default : result;
        });
      }
      const [name, ...filterArgs] = args;
      const filter = getFilter(String(name));
      return pyIterable(value).map((item) => filter(item, ...filterArgs));
    },
    select: select(true, false),
    reject: select(false, false),
    selectattr: select(true, true),
    rejectattr: select(false, true),
    items: (value) => (isUndefined(value) ? [] : (pythonMemberLookup(value, 'items', 'items') as () => unknown)()),
    indent: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      const width = kw.width ?? args[0] ?? 4;
      const first = Boolean(kw.first ?? args[1] ?? false);
      const blank = Boolean(kw.blank ?? args[2] ?? false);
      const pad = typeof width === 'string' ? width : ' '.repeat(Number(width));
      // Jinja2's do_indent: a newline is appended before splitting (so a trailing newline survives);
      // only empty lines count as blank; `first` indents the first line whatever it holds.
      const lines = pyStringLines(text(value) + '\n');
      let result = blank ? lines.join('\n' + pad) : lines[0] + (lines.length > 1 ? '\n' + lines.slice(1).map((line) => (line ? pad + line : line)).join('\n') : '');
      if (first) result = pad + result;
      return result;
    },
    tojson: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('tojson', kw, ['indent']);
      const indent = kw.indent ?? args[0];
      return toJson(value, indent === undefined || indent === null ? undefined : Number(indent));
    },
    sum: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('sum', kw, ['attribute', 'start']);
      const get = attributeGetter(kw.attribute ?? args[0]);
      return pyIterable(value).reduce((total: unknown, item) => pyAdd(total, requireDefined(get(item))), kw.start ?? args[1] ?? 0);
    },
    truncate: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('truncate', kw, ['length', 'killwords', 'end', 'leeway']);
      const s = text(value);
      const length = Number(kw.length ?? args[0] ?? 255);
      const killwords = pyTruthy(kw.killwords ?? args[1] ?? false);
      const end = text(kw.end ?? args[2] ?? '...');
      const leeway = Number(kw.leeway ?? args[3] ?? 5);
      if (length < end.length) throw new Error('expected length >= len(end)');
      if (leeway < 0) throw new Error('expected leeway >= 0');
      const chars = [...s];
      if (chars.length <= length + leeway) return s;
      const kept = chars.slice(0, length - end.length).join('');
      if (killwords) return kept + end;
      const space = kept.lastIndexOf(' ');
      return (space === -1 ? kept : kept.slice(0, space)) + end;
    },
    center: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('center', kw, ['width']);
      if (args.length > 1) throw new TypeError(`center() takes from 1 to 2 positional arguments but ${args.length + 1} were given`);
      return STRING_METHODS.center(text(value), Number(kw.width ?? args[0] ?? 80));
    },
    slice: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('slice', kw, ['slices', 'fill_with']);
      const items = [...pyIterable(value)];
      const slices = Number(kw.slices ?? args[0]);
      const fillWith = kw.fill_with ?? args[1] ?? null;
      const perSlice = Math.floor(items.length / slices);
      const withExtra = items.length % slices;
      const out: unknown[][] = [];
      let offset = 0;
      for (let n = 0; n < slices; n++) {
        const start = offset + n * perSlice;
        if (n < withExtra) offset += 1;
        const part = items.slice(start, offset + (n + 1) * perSlice);
        if (fillWith !== null && n >= withExtra) part.push(fillWith);
        out.push(part);
      }
      return out;
    },
    pprint: (value) => {
      const repr = sortedRepr(value);
      // pformat breaks lines longer than 80 characters: not reproduced.
      if (repr.length > 80) unsupported('pprint', 'a value longer than 80 characters when printed');
      return repr;
    },
    urlencode: (value) => {
      if (typeof value === 'string') return urlQuote(value, false);
      const pairs = isDict(value) ? Object.entries(value) : (pyIterable(value) as unknown[][]);
      return pairs.map(([key, item]) => `${urlQuote(key, true)}=${urlQuote(item, true)}`).join('&');
    },
    urlize: () => {
      throw new Error('filter urlize is not supported');
    },
    reverse: (value) => {
      if (typeof value === 'string') return [...value].reverse().join('');
      return [...pyIterable(isDict(value) ? Object.keys(value) : value)].reverse();
    },
    wordcount: (value) => (text(value).match(/[\p{L}\p{N}_]+/gu) ?? []).length,
    batch: (value, ...rawArgs) => {
      const [args, kw] = splitKeywords(rawArgs);
      onlyKeywords('batch', kw, ['linecount', 'fill_with']);
      const size = Number(kw.linecount ?? args[0]);
      const fillWith = kw.fill_with ?? args[1] ?? null;
      const out: unknown[][] = [];
      for (const item of pyIterable(value)) {
        if (!out.length || out[out.length - 1].length === size) out.push([]);
        out[out.length - 1].push(item);
      }
      const last = out[out.length - 1];
      if (fillWith !== null && last) while (last.length < size) last.push(fillWith);
      return out;
    },
    abs: (value) => (value instanceof PyFloat ? pyFloat(Math.abs(value.value)) : Math.abs(Number(requireDefined(value)))),
  };
}

/** Jinja2's tests where nunjucks' differ. */
export function jinjaTests(): Record<string, (value: unknown, ...args: unknown[]) => boolean> {
  return {
    defined: (value) => !isUndefined(value),
    undefined: (value) => isUndefined(value),
    none: (value) => value === null,
    boolean: (value) => typeof value === 'boolean',
    true: (value) => value === true,
    false: (value) => value === false,
    integer: (value) => typeof value === 'number' && Number.isInteger(value),
    float: (value) => value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value)),
    number: (value) => typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat,
    string: (value) => typeof value === 'string',
    mapping: (value) => isDict(value),
    sequence: (value) => typeof value === 'string' || Array.isArray(value) || isDict(value),
    iterable: (value) => typeof value === 'string' || Array.isArray(value) || isDict(value),
    eq: (value, other) => pyEquals(value, other),
    equalto: (value, other) => pyEquals(value, other),
    '==': (value, other) => pyEquals(value, other),
    ne: (value, other) => !pyEquals(value, other),
    '!=': (value, other) => !pyEquals(value, other),
    in: (value, container) => pyIterable(isDict(container) ? Object.keys(container) : container).some((item) => pyEquals(item, value)),
    gt: (value, other) => compareValues(value, other) > 0,
    '>': (value, other) => compareValues(value, other) > 0,
    greaterthan: (value, other) => compareValues(value, other) > 0,
    ge: (value, other) => compareValues(value, other) >= 0,
    '>=': (value, other) => compareValues(value, other) >= 0,
    lt: (value, other) => compareValues(value, other) < 0,
    '<': (value, other) => compareValues(value, other) < 0,
    lessthan: (value, other) => compareValues(value, other) < 0,
    le: (value, other) => compareValues(value, other) <= 0,
    '<=': (value, other) => compareValues(value, other) <= 0,
    lower: (value) => typeof value === 'string' && value === value.toLowerCase(),
    upper: (value) => typeof value === 'string' && value === value.toUpperCase(),
    odd: (value) => Number(requireDefined(value)) % 2 !== 0,
    even: (value) => Number(requireDefined(value)) % 2 === 0,
    divisibleby: (value, num) => Number(requireDefined(value)) % Number(num) === 0,
  };
}

/** Filters that accept an undefined input (everything else raises, as with StrictUndefined). */
export const UNDEFINED_TOLERANT_FILTERS = new Set(['default', 'd']);
