/** The parts of Jinja2's `loop` object nunjucks lacks, and `loop`'s scoping. */
import { pyEquals } from './python-values';
import { undefinedName } from './strict-undefined';

export function loopCycle(index: number) {
  return (...values: unknown[]) => {
    if (!values.length) throw new TypeError('no items for cycling given');
    return values[index % values.length];
  };
}

export interface Frame {
  lookup(name: string): unknown;
  readonly variables: Record<string, unknown>;
  readonly parent?: Frame;
  readonly topLevel?: boolean;
}

/** `loop` belongs to the template that runs the loop: Jinja2 does not pass it into included templates. */
export function loopLookup(frame: Frame): unknown {
  for (let current: Frame | undefined = frame; current; current = current.parent) {
    if (current.variables.loop !== undefined) return current.variables.loop;
    if (current.topLevel) break;
  }
  return undefinedName('loop');
}

const lastChanged = new WeakMap<object, { seen: boolean; value: unknown }>();

/** `loop.changed(*values)`: true on the first iteration and whenever the values differ from the previous call. */
export function loopChanged(items: unknown[], index: number) {
  return (...values: unknown[]) => {
    if (index === 0 || !lastChanged.has(items)) lastChanged.set(items, { seen: false, value: undefined });
    const state = lastChanged.get(items)!;
    if (state.seen && pyEquals(state.value, values)) return false;
    state.seen = true;
    state.value = values;
    return true;
  };
}
