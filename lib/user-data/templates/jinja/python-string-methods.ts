/**
 * The methods templates call on strings (`value.split(',')`, `name.upper()`),
 * with Python's semantics rather than JavaScript's: `replace` replaces every
 * occurrence, `split()` without a separator splits on runs of whitespace,
 * `strip(chars)` strips a set of characters.
 */
import { formatWithSpec } from './format-spec';
import { pyRepr, pyStr, pyTypeName, tuple } from './python-values';
import { requireDefined } from './strict-undefined';

const WHITESPACE = ' \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';

function stripChars(text: string, chars: unknown, left: boolean, right: boolean): string {
  const set = chars === undefined || chars === null ? WHITESPACE : String(requireDefined(chars));
  let start = 0;
  let end = text.length;
  if (left) while (start < end && set.includes(text[start])) start++;
  if (right) while (end > start && set.includes(text[end - 1])) end--;
  return text.slice(start, end);
}

function splitWhitespace(text: string, maxsplit: number, fromRight: boolean): string[] {
  const words = text.split(/[ \t\n\r\x0b\x0c\x1c-\x1f\x85\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter((word) => word !== '');
  if (maxsplit < 0 || words.length <= maxsplit + 1) return words;
  // Re-split keeping the unsplit remainder verbatim, as Python does.
  const result: string[] = [];
  let rest = fromRight ? stripChars(text, undefined, false, true) : stripChars(text, undefined, true, false);
  for (let i = 0; i < maxsplit; i++) {
    if (fromRight) {
      const match = /^([\s\S]*?)\s+(\S+)$/.exec(rest);
      if (!match) break;
      result.unshift(match[2]);
      rest = match[1];
    } else {
      const match = /^(\S+)\s+([\s\S]*)$/.exec(rest);
      if (!match) break;
      result.push(match[1]);
      rest = match[2];
    }
  }
  return fromRight ? [rest, ...result] : [...result, rest];
}

function split(text: string, sep: unknown, maxsplitArg: unknown, fromRight: boolean): string[] {
  const maxsplit = maxsplitArg === undefined || maxsplitArg === null ? -1 : Number(maxsplitArg);
  if (sep === undefined || sep === null) return splitWhitespace(text, maxsplit, fromRight);
  const separator = String(requireDefined(sep));
  if (separator === '') throw new Error('ValueError: empty separator');
  const parts = text.split(separator);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return fromRight
    ? [parts.slice(0, parts.length - maxsplit).join(separator), ...parts.slice(parts.length - maxsplit)]
    : [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(separator)];
}

function replace(text: string, old: unknown, replacement: unknown, countArg: unknown): string {
  const from = String(requireDefined(old));
  const to = String(requireDefined(replacement));
  let count = countArg === undefined || countArg === null ? -1 : Number(countArg);
  if (from === '') {
    // Python inserts the replacement between every character (and at both ends).
    const chars = Array.from(text);
    let out = '';
    for (let i = 0; i <= chars.length; i++) {
      if (count !== 0) { out += to; count--; }
      if (i < chars.length) out += chars[i];
    }
    return out;
  }
  let out = '';
  let rest = text;
  while (count !== 0) {
    const at = rest.indexOf(from);
    if (at < 0) break;
    out += rest.slice(0, at) + to;
    rest = rest.slice(at + from.length);
    count--;
  }
  return out + rest;
}

function prefixes(value: unknown): string[] {
  const defined = requireDefined(value);
  return Array.isArray(defined) ? defined.map(String) : [String(defined)];
}

function sliceArgs(text: string, start: unknown, end: unknown): string {
  const norm = (value: unknown, fallback: number) => {
    if (value === undefined || value === null) return fallback;
    const n = Number(value);
    return n < 0 ? Math.max(0, text.length + n) : Math.min(n, text.length);
  };
  return text.slice(norm(start, 0), norm(end, text.length));
}

function capitalize(text: string): string {
  return text.slice(0, 1).toUpperCase() + text.slice(1).toLowerCase();
}

/** Python's `str.title()`: a letter after a non-letter is upper-cased, the others lower-cased. */
export function pyTitle(text: string): string {
  return text.replace(/[A-Za-z\u00c0-\uffff]+/g, (word) => capitalize(word));
}

/** `'{} and {name:>8}'.format(a, name=b)`. */
function format(text: string, args: unknown[]): string {
  const last = args[args.length - 1];
  const kwargs = last !== null && typeof last === 'object' && (last as Record<string, unknown>).__keywords === true ? (last as Record<string, unknown>) : {};
  const positional = kwargs === last ? args.slice(0, -1) : args;
  let auto = 0;
  return text.replace(/\{\{|\}\}|\{([^{}]*)\}/g, (match, field: string | undefined) => {
    if (match === '{{') return '{';
    if (match === '}}') return '}';
    const [, name, conversion, spec] = /^([^!:]*)(?:!(.))?(?::(.*))?$/s.exec(field ?? '') ?? [];
    if (conversion !== undefined && !['r', 's', 'a'].includes(conversion)) throw new Error(`ValueError: Unknown conversion specifier ${conversion}`);
    const render = (value: unknown) => {
      const converted = conversion === 'r' || conversion === 'a' ? pyRepr(value) : conversion === 's' ? pyStr(value) : value;
      return spec === undefined ? pyStr(converted) : formatWithSpec(converted, spec);
    };
    const byIndex = (index: number) => {
      if (index >= positional.length) throw new Error(`IndexError: Replacement index ${index} out of range for positional args tuple`);
      return render(positional[index]);
    };
    if (name === '') return byIndex(auto++);
    if (/^\d+$/.test(name)) return byIndex(Number(name));
    if (!(name in kwargs)) throw new Error(`KeyError: '${name}'`);
    return render(kwargs[name]);
  });
}

function join(separator: string, items: unknown): string {
  const list = Array.isArray(items) ? items : Array.from(String(requireDefined(items)));
  return list
    .map((item, index) => {
      if (typeof item !== 'string') throw new TypeError(`sequence item ${index}: expected str instance, ${pyTypeName(item)} found`);
      return item;
    })
    .join(separator);
}

type StringMethod = (text: string, ...args: unknown[]) => unknown;

/** Python `str` methods by name. */
export const STRING_METHODS: Record<string, StringMethod> = {
  upper: (t) => t.toUpperCase(),
  lower: (t) => t.toLowerCase(),
  title: (t) => pyTitle(t),
  capitalize: (t) => capitalize(t),
  swapcase: (t) => Array.from(t).map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  strip: (t, chars) => stripChars(t, chars, true, true),
  lstrip: (t, chars) => stripChars(t, chars, true, false),
  rstrip: (t, chars) => stripChars(t, chars, false, true),
  split: (t, sep, maxsplit) => split(t, sep, maxsplit, false),
  rsplit: (t, sep, maxsplit) => split(t, sep, maxsplit, true),
  splitlines: (t, keepends) => {
    const lines = t.match(/[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]*(\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|$)/g) ?? [];
    const nonEmpty = lines.filter((line, i) => line !== '' || i < lines.length - 1).filter((line) => line !== '');
    return keepends ? nonEmpty : nonEmpty.map((line) => line.replace(/(\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029])$/, ''));
  },
  replace: (t, old, replacement, count) => replace(t, old, replacement, count),
  startswith: (t, prefix, start, end) => prefixes(prefix).some((p) => sliceArgs(t, start, end).startsWith(p)),
  endswith: (t, suffix, start, end) => prefixes(suffix).some((s) => sliceArgs(t, start, end).endsWith(s)),
  find: (t, sub, start) => t.indexOf(String(requireDefined(sub)), start === undefined ? 0 : Number(start)),
  rfind: (t, sub) => t.lastIndexOf(String(requireDefined(sub))),
  index: (t, sub) => {
    const at = t.indexOf(String(requireDefined(sub)));
    if (at < 0) throw new Error('ValueError: substring not found');
    return at;
  },
  count: (t, sub) => {
    const needle = String(requireDefined(sub));
    return needle === '' ? Array.from(t).length + 1 : t.split(needle).length - 1;
  },
  join: (t, items) => join(t, items),
  format: (t, ...args) => format(t, args),
  zfill: (t, width) => {
    const sign = t.startsWith('-') || t.startsWith('+') ? t[0] : '';
    return sign + t.slice(sign.length).padStart(Number(width) - sign.length, '0');
  },
  // Widths count characters (code points), as Python does.
  ljust: (t, width, fill) => t + (fill === undefined ? ' ' : String(fill)).repeat(Math.max(0, Number(width) - [...t].length)),
  rjust: (t, width, fill) => (fill === undefined ? ' ' : String(fill)).repeat(Math.max(0, Number(width) - [...t].length)) + t,
  center: (t, width, fill) => {
    const total = Number(width) - [...t].length;
    if (total <= 0) return t;
    const pad = fill === undefined ? ' ' : String(fill);
    const left = Math.floor(total / 2) + (total % 2 && Number(width) % 2 ? 1 : 0);
    return pad.repeat(left) + t + pad.repeat(total - left);
  },
  partition: (t, sep) => {
    const s = String(requireDefined(sep));
    const at = t.indexOf(s);
    return tuple(at < 0 ? [t, '', ''] : [t.slice(0, at), s, t.slice(at + s.length)]);
  },
  rpartition: (t, sep) => {
    const s = String(requireDefined(sep));
    const at = t.lastIndexOf(s);
    return tuple(at < 0 ? ['', '', t] : [t.slice(0, at), s, t.slice(at + s.length)]);
  },
  isdigit: (t) => /^[0-9]+$/.test(t),
  isnumeric: (t) => /^[0-9]+$/.test(t),
  isdecimal: (t) => /^[0-9]+$/.test(t),
  isalpha: (t) => /^\p{L}+$/u.test(t),
  isalnum: (t) => /^[\p{L}\p{N}]+$/u.test(t),
  isspace: (t) => t.length > 0 && Array.from(t).every((c) => WHITESPACE.includes(c)),
  isupper: (t) => /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t),
  islower: (t) => /\p{Ll}/u.test(t) && !/\p{Lu}/u.test(t),
};
