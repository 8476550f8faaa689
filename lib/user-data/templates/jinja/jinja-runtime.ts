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
import { Frame, loopChanged, loopCycle, loopLookup } from './loop-helpers';
import { setAttribute } from './namespace';
import { pySlice } from './python-slice';
import { isDict, pyIterable, pyStr, pyTruthy, pyTypeName, tuple } from './python-values';
import { StrictUndefined, isUndefined, undefinedName } from './strict-undefined';

const PYTHON_CONSTANTS: Record<string, unknown> = { True: true, False: false, None: null };

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
    pyIterUnpack(value: unknown, count: number): unknown[][] {
      return pyIterable(value).map((item) => jinja.pyUnpack(item, count));
    },
    pyUnpack(value: unknown, count: number): unknown[] {
      if (isUndefined(value)) value.fail();
      if (typeof value !== 'string' && !Array.isArray(value) && !isDict(value)) throw new TypeError(`cannot unpack non-iterable ${pyTypeName(value)} object`);
      const items = pyIterable(value);
      if (items.length > count) throw new Error(`ValueError: too many values to unpack (expected ${count})`);
      if (items.length < count) throw new Error(`ValueError: not enough values to unpack (expected ${count}, got ${items.length})`);
      return items;
    },
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
