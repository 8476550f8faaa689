/**
 * The runtime functions compiled templates call as `runtime.*`, with Jinja2
 * semantics. It is a separate object whose prototype is nunjucks' runtime:
 * templates compiled by `JinjaCompiler` switch to it, nothing global changes.
 */
import { runtime as nunjucksRuntime } from './nunjucks-internals';
import { LocatedTemplateError, errorDetail } from './located-error';
import { pythonMemberLookup } from './python-members';
import { pyFloat } from './python-float';
import { pyAdd, pyAnd, pyCompare, pyConcat, pyDiv, pyFloorDiv, pyIn, pyMod, pyMul, pyNeg, pyOr, pyPow, pySub } from './python-operators';
import { pyEquals, pyIterable, pyStr, pyTruthy, pyTypeName, tuple } from './python-values';
import { StrictUndefined, isUndefined, undefinedName } from './strict-undefined';

const PYTHON_CONSTANTS: Record<string, unknown> = { True: true, False: false, None: null };

function sliceIndex(value: unknown, length: number, fallback: number, step: number): number {
  if (value === null || value === undefined) return fallback;
  const n = Number(value);
  if (n < 0) return Math.max(n + length, step < 0 ? -1 : 0);
  return Math.min(n, step < 0 ? length - 1 : length);
}

/** `value[start:stop:step]` for lists and strings. */
function pySlice(target: unknown, start: unknown, stop: unknown, step: unknown): unknown {
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

function loopCycle(index: number) {
  return (...values: unknown[]) => {
    if (!values.length) throw new TypeError('no items for cycling given');
    return values[index % values.length];
  };
}

interface Frame {
  lookup(name: string): unknown;
  readonly variables: Record<string, unknown>;
  readonly parent?: Frame;
  readonly topLevel?: boolean;
}

/** `loop` belongs to the template that runs the loop: Jinja2 does not pass it into included templates. */
function loopLookup(frame: Frame): unknown {
  for (let current: Frame | undefined = frame; current; current = current.parent) {
    if (current.variables.loop !== undefined) return current.variables.loop;
    if (current.topLevel) break;
  }
  return undefinedName('loop');
}

/** Jinja2's `namespace()`: the one object whose attributes `{% set ns.attr = ... %}` may assign. */
export class Namespace {
  constructor(attributes: Record<string, unknown>) {
    Object.assign(this, attributes);
  }

  public toString(): string {
    return `<Namespace ${pyStr(Object.assign({}, this))}>`;
  }
}

function setAttribute(target: unknown, key: unknown, value: unknown): void {
  if (isUndefined(target)) target.fail();
  if (!(target instanceof Namespace)) throw new TypeError('cannot assign attribute on non-namespace object');
  (target as unknown as Record<string, unknown>)[String(key)] = value;
}

const lastChanged = new WeakMap<object, { seen: boolean; value: unknown }>();

/** `loop.changed(*values)`: true on the first iteration and whenever the values differ from the previous call. */
function loopChanged(items: unknown[], index: number) {
  return (...values: unknown[]) => {
    if (index === 0 || !lastChanged.has(items)) lastChanged.set(items, { seen: false, value: undefined });
    const state = lastChanged.get(items)!;
    if (state.seen && pyEquals(state.value, values)) return false;
    state.seen = true;
    state.value = values;
    return true;
  };
}

/** Creates the Jinja2 runtime (one per environment: it holds no state). */
export function createJinjaRuntime(): Record<string, unknown> {
  const jinja = Object.create(nunjucksRuntime);
  Object.assign(jinja, {
    suppressValue: (value: unknown) => pyStr(value),
    memberLookup(target: unknown, key: unknown, ...rest: unknown[]) {
      if (rest.length === 2) return pySlice(target, key, rest[0], rest[1]);
      return pythonMemberLookup(target, key, typeof rest[0] === 'string' ? rest[0] : String(key));
    },
    contextOrFrameLookup(context: { lookup(name: string): unknown }, frame: Frame, name: string) {
      if (name === 'loop') return loopLookup(frame);
      const value = frame.lookup(name);
      if (value !== undefined) return value;
      const fromContext = context.lookup(name);
      if (fromContext !== undefined) return fromContext;
      if (name in PYTHON_CONSTANTS) return PYTHON_CONSTANTS[name];
      return undefinedName(name);
    },
    callWrap(target: unknown, name: string, context: unknown, args: unknown[]) {
      if (isUndefined(target)) target.fail();
      if (typeof target !== 'function') throw new TypeError(`'${name}' is not callable (${pyTypeName(target)})`);
      return target.apply(context, args);
    },
    fromIterator: (value: unknown) => value,
    inOperator: pyIn,
    handleError(error: unknown, lineno: number, _colno: number, templatePath?: string) {
      if (error instanceof LocatedTemplateError) return error;
      const nunjucksLine = (error as { lineno?: number }).lineno;
      const line = typeof nunjucksLine === 'number' && nunjucksLine > 0 ? nunjucksLine : lineno + 1;
      return new LocatedTemplateError(errorDetail((error as { cause?: unknown }).cause ?? error), templatePath, line);
    },
    pyTruthy,
    pyTuple: tuple,
    pyIter: pyIterable,
    pyAdd,
    pyMul,
    pyDiv,
    pySub,
    pyFloorDiv,
    pyPow,
    pyNeg,
    pyFloat,
    pyMod,
    pyConcat,
    pyCompare,
    pyOr,
    pyAnd,
    loopCycle,
    setAttribute,
    loopChanged,
    undefinedValue: (description: string) => new StrictUndefined(description),
    undefinedName,
  });
  return jinja;
}
