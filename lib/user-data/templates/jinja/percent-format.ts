/**
 * Python's printf-style `'%s-%d' % (a, b)` string formatting, the common
 * conversions only: `%s %r %d %i %f %x %X %o %e %%`, flags `- + 0 space`,
 * width and precision, and `%(name)s` with a dict.
 */
import { pythonToFixed } from './python-fixed';
import { unwrapFloat } from './python-float';
import { isDict, isTuple, pyRepr, pyStr, pyTypeName } from './python-values';

const SPEC = /%(?:\(([^)]*)\))?([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?([sridfFxXoeEgGc%])/g;

function toInteger(raw: unknown, conversion: string): number {
  const value = unwrapFloat(raw);
  if (typeof value === 'boolean') return Number(value);
  if (typeof value !== 'number') throw new TypeError(`%${conversion} format: a number is required, not ${pyTypeName(value)}`);
  return Math.trunc(value);
}

function toFloat(raw: unknown, conversion: string): number {
  const value = unwrapFloat(raw);
  if (typeof value === 'boolean') return Number(value);
  if (typeof value !== 'number') throw new TypeError(`must be real number, not ${pyTypeName(value)} (%${conversion})`);
  return value;
}

function convert(conversion: string, value: unknown, precision: number | undefined): string {
  switch (conversion) {
    case 's': {
      const text = pyStr(value);
      return precision === undefined ? text : text.slice(0, precision);
    }
    case 'r':
      return pyRepr(value);
    case 'd':
    case 'i':
      return String(toInteger(value, conversion));
    case 'f':
    case 'F':
      return pythonToFixed(toFloat(value, conversion), precision ?? 6);
    case 'e':
    case 'E': {
      const text = toFloat(value, conversion).toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return conversion === 'E' ? text.toUpperCase() : text;
    }
    case 'g':
    case 'G':
      return String(Number(toFloat(value, conversion).toPrecision(precision || 6)));
    case 'x':
      return toInteger(value, conversion).toString(16);
    case 'X':
      return toInteger(value, conversion).toString(16).toUpperCase();
    case 'o':
      return toInteger(value, conversion).toString(8);
    case 'c':
      return typeof value === 'number' ? String.fromCodePoint(value) : pyStr(value);
    default:
      throw new Error(`unsupported format character '${conversion}'`);
  }
}

/** `format % args` as Python evaluates it for a str on the left. */
export function percentFormat(format: string, args: unknown): string {
  // Only a tuple spreads over the fields: a list or a dict is one value (`'%s' % [1, 2]`).
  const positional = Array.isArray(args) && isTuple(args) ? args : [args];
  let next = 0;
  const out = format.replace(SPEC, (_match, key: string | undefined, flags: string, widthText: string | undefined, precisionText: string | undefined, conversion: string) => {
    if (conversion === '%') return '%';
    let value: unknown;
    if (key !== undefined) {
      if (!isDict(args)) throw new TypeError('format requires a mapping');
      if (!(key in args)) throw new Error(`KeyError: '${key}'`);
      value = args[key];
    } else {
      if (next >= positional.length) throw new TypeError('not enough arguments for format string');
      value = positional[next++];
    }
    let width = widthText === undefined ? 0 : Number(widthText);
    if (widthText === '*') width = Number(positional[next++]);
    const precision = precisionText === undefined ? undefined : Number(precisionText);
    let text = convert(conversion, value, precision);
    const numeric = 'dioxXeEfFgG'.includes(conversion);
    if (numeric && !text.startsWith('-')) {
      if (flags.includes('+')) text = `+${text}`;
      else if (flags.includes(' ')) text = ` ${text}`;
    }
    if (text.length < width) {
      if (flags.includes('-')) text = text.padEnd(width);
      else if (flags.includes('0') && numeric) {
        const sign = /^[-+ ]/.test(text) ? text[0] : '';
        text = sign + text.slice(sign.length).padStart(width - sign.length, '0');
      } else text = text.padStart(width);
    }
    return text;
  });
  if (!isDict(args) && next < positional.length) {
    throw new TypeError('not all arguments converted during string formatting');
  }
  return out;
}
