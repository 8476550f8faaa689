/**
 * Python's format-spec mini-language for `'{:>8}'.format(x)`:
 * `[[fill]align][sign][#][0][width][,|_][.precision][type]` with the types
 * `s d f F e E g G x X o b c %` (and none).
 */
import { pythonToFixed } from './python-fixed';
import { unwrapFloat } from './python-float';
import { pyStr, pyTypeName } from './python-values';

const SPEC = /^(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([sdfFeEgGxXobc%])?$/s;

function groupThousands(digits: string, separator: string): string {
  const [whole, fraction] = digits.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export function formatWithSpec(raw: unknown, spec: string): string {
  const match = SPEC.exec(spec);
  if (!match) throw new Error(`ValueError: invalid format specifier '${spec}'`);
  const [, fillChar, alignChar, sign = '-', alternate, zero, widthText, grouping, precisionText, typeChar] = match;
  const value = unwrapFloat(raw);
  const precision = precisionText === undefined ? undefined : Number(precisionText);
  const numeric = typeof value === 'number' || typeof value === 'boolean';
  let type = typeChar;
  if (type === undefined) type = numeric ? (Number.isInteger(Number(value)) && typeof raw === 'number' ? 'd' : 'g') : 's';
  let body: string;
  let negative = false;
  if (type === 's') {
    if (numeric && typeChar === 's') throw new Error(`ValueError: Unknown format code 's' for object of type '${pyTypeName(raw)}'`);
    body = pyStr(raw);
    if (precision !== undefined) body = body.slice(0, precision);
  } else {
    if (!numeric) throw new Error(`ValueError: Unknown format code '${type}' for object of type '${pyTypeName(raw)}'`);
    const number = Number(value);
    negative = number < 0 || Object.is(number, -0);
    const magnitude = Math.abs(number);
    switch (type) {
      case 'd':
        if (!Number.isInteger(number)) throw new Error(`ValueError: Unknown format code 'd' for object of type 'float'`);
        body = String(magnitude);
        break;
      case 'f':
      case 'F':
        body = pythonToFixed(magnitude, precision ?? 6);
        break;
      case 'e':
      case 'E':
        body = magnitude.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
        if (type === 'E') body = body.toUpperCase();
        break;
      case '%':
        body = `${pythonToFixed(magnitude * 100, precision ?? 6)}%`;
        break;
      case 'x':
      case 'X':
        body = (alternate ? '0x' : '') + magnitude.toString(16);
        if (type === 'X') body = body.toUpperCase();
        break;
      case 'o':
        body = (alternate ? '0o' : '') + magnitude.toString(8);
        break;
      case 'b':
        body = (alternate ? '0b' : '') + magnitude.toString(2);
        break;
      case 'c':
        body = String.fromCodePoint(number);
        break;
      default: // g, G and no type on a float
        body = typeChar === undefined && precision === undefined ? pyStr(raw).replace(/^-/, '') : String(Number(magnitude.toPrecision(precision || 6)));
        if (type === 'G') body = body.toUpperCase();
    }
    if (grouping) body = groupThousands(body, grouping);
  }
  const signText = type === 's' ? '' : negative ? '-' : sign === '+' ? '+' : sign === ' ' ? ' ' : '';
  const width = widthText === undefined ? 0 : Number(widthText);
  const align = alignChar ?? (zero && type !== 's' ? '=' : type === 's' ? '<' : '>');
  const fill = fillChar ?? (zero && !alignChar ? '0' : ' ');
  const padding = Math.max(0, width - signText.length - body.length);
  switch (align) {
    case '<':
      return signText + body + fill.repeat(padding);
    case '^':
      return fill.repeat(Math.floor(padding / 2)) + signText + body + fill.repeat(padding - Math.floor(padding / 2));
    case '=':
      return signText + fill.repeat(padding) + body;
    default:
      return fill.repeat(padding) + signText + body;
  }
}
