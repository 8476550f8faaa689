/**
 * Jinja2's operators with Python semantics where JavaScript differs:
 * `+` joins lists and refuses str + int, `*` repeats strings and lists,
 * `%` formats strings and takes the divisor's sign, `~` uses `str()`,
 * `==` compares by value without coercion, `and`/`or` use Python truth and
 * return an operand, `in` looks at dict keys.
 */
import { percentFormat } from './percent-format';
import { PyFloat, pyFloat } from './python-float';
import { isDict, pyEquals, pyIterable, pyStr, pyTruthy, pyTypeName } from './python-values';
import { requireDefined } from './strict-undefined';

function operandError(op: string, left: unknown, right: unknown): TypeError {
  return new TypeError(`unsupported operand type(s) for ${op}: '${pyTypeName(left)}' and '${pyTypeName(right)}'`);
}

function isNumeric(value: unknown): value is number | boolean | PyFloat {
  return typeof value === 'number' || typeof value === 'boolean' || value instanceof PyFloat;
}

function isFloat(value: unknown): boolean {
  return value instanceof PyFloat || (typeof value === 'number' && !Number.isInteger(value));
}

/** Python's result type: float if either operand is one. */
function numericResult(left: unknown, right: unknown, result: number): number | PyFloat {
  return isFloat(left) || isFloat(right) ? pyFloat(result) : result;
}

function numbers(op: string, left: unknown, right: unknown): [number, number] {
  requireDefined(left);
  requireDefined(right);
  if (!isNumeric(left) || !isNumeric(right)) throw operandError(op, left, right);
  return [Number(left), Number(right)];
}

export function pySub(left: unknown, right: unknown): number | PyFloat {
  const [a, b] = numbers('-', left, right);
  return numericResult(left, right, a - b);
}

export function pyFloorDiv(left: unknown, right: unknown): number | PyFloat {
  const [a, b] = numbers('//', left, right);
  if (b === 0) throw new Error('ZeroDivisionError: integer division or modulo by zero');
  return numericResult(left, right, Math.floor(a / b));
}

export function pyPow(left: unknown, right: unknown): number | PyFloat {
  const [a, b] = numbers('**', left, right);
  // int ** negative int is a float in Python.
  return isFloat(left) || isFloat(right) || b < 0 ? pyFloat(a ** b) : a ** b;
}

export function pyNeg(value: unknown): number | PyFloat {
  requireDefined(value);
  if (!isNumeric(value)) throw new TypeError(`bad operand type for unary -: '${pyTypeName(value)}'`);
  return isFloat(value) ? pyFloat(-Number(value)) : -Number(value);
}

export function pyAdd(left: unknown, right: unknown): unknown {
  requireDefined(left);
  requireDefined(right);
  if (isNumeric(left) && isNumeric(right)) return numericResult(left, right, Number(left) + Number(right));
  if (typeof left === 'string' && typeof right === 'string') return left + right;
  if (Array.isArray(left) && Array.isArray(right)) return [...left, ...right];
  if (typeof left === 'string' || typeof right === 'string') {
    if (typeof left !== 'object' && typeof right !== 'object') throw operandError('+', left, right);
    return String(left) + String(right); // SafeString (macro output) + str
  }
  throw operandError('+', left, right);
}

export function pyMul(left: unknown, right: unknown): unknown {
  requireDefined(left);
  requireDefined(right);
  if (isNumeric(left) && isNumeric(right)) return numericResult(left, right, Number(left) * Number(right));
  const repeat = (sequence: unknown, times: unknown): unknown => {
    const count = Math.max(0, Number(times));
    if (typeof sequence === 'string') return sequence.repeat(count);
    return Array.from({ length: count }, () => sequence as unknown[]).flat();
  };
  if ((typeof left === 'string' || Array.isArray(left)) && typeof right === 'number') return repeat(left, right);
  if ((typeof right === 'string' || Array.isArray(right)) && typeof left === 'number') return repeat(right, left);
  throw operandError('*', left, right);
}

export function pyMod(left: unknown, right: unknown): unknown {
  requireDefined(left);
  requireDefined(right);
  if (typeof left === 'string') return percentFormat(left, right);
  if (isNumeric(left) && isNumeric(right)) {
    const divisor = Number(right);
    if (divisor === 0) throw new Error('ZeroDivisionError: integer division or modulo by zero');
    const result = Number(left) % divisor;
    return numericResult(left, right, result !== 0 && result < 0 !== divisor < 0 ? result + divisor : result);
  }
  throw operandError('%', left, right);
}

/** `a / b`: true division, always a float. */
export function pyDiv(left: unknown, right: unknown): number | PyFloat {
  requireDefined(left);
  requireDefined(right);
  if (!isNumeric(left) || !isNumeric(right)) throw operandError('/', left, right);
  if (Number(right) === 0) throw new Error('ZeroDivisionError: division by zero');
  return pyFloat(Number(left) / Number(right));
}

/** `a ~ b`: both sides through `str()`. */
export function pyConcat(left: unknown, right: unknown): string {
  return pyStr(left) + pyStr(right);
}

function order(left: unknown, right: unknown, op: string): number {
  requireDefined(left);
  requireDefined(right);
  if (isNumeric(left) && isNumeric(right)) return Number(left) - Number(right);
  if (typeof left === 'string' && typeof right === 'string') return left < right ? -1 : left > right ? 1 : 0;
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let i = 0; i < Math.min(left.length, right.length); i++) {
      if (!pyEquals(left[i], right[i])) return order(left[i], right[i], op);
    }
    return left.length - right.length;
  }
  throw new TypeError(`'${op}' not supported between instances of '${pyTypeName(left)}' and '${pyTypeName(right)}'`);
}

/** One comparison of a (possibly chained) Jinja2 comparison. */
export function pyCompare(left: unknown, op: string, right: unknown): boolean {
  switch (op) {
    case '==':
      return pyEquals(left, right);
    case '!=':
      return !pyEquals(left, right);
    case '<':
      return order(left, right, op) < 0;
    case '<=':
      return order(left, right, op) <= 0;
    case '>':
      return order(left, right, op) > 0;
    case '>=':
      return order(left, right, op) >= 0;
    default:
      throw new Error(`unknown comparison operator ${op}`);
  }
}

/** `item in container`. */
export function pyIn(item: unknown, container: unknown): boolean {
  requireDefined(item);
  requireDefined(container);
  if (typeof container === 'string') {
    if (typeof item !== 'string') throw new TypeError(`'in <string>' requires string as left operand, not ${pyTypeName(item)}`);
    return container.includes(item);
  }
  if (isDict(container)) return Object.prototype.hasOwnProperty.call(container, String(item));
  return pyIterable(container).some((candidate) => pyEquals(candidate, item));
}

/** `left or right`: `right` is a thunk so it is only evaluated when needed. */
export function pyOr(left: unknown, right: () => unknown): unknown {
  return pyTruthy(left) ? left : right();
}

/** `left and right`. */
export function pyAnd(left: unknown, right: () => unknown): unknown {
  return pyTruthy(left) ? right() : left;
}
