/**
 * A Python float with an integral value (`2.0`, `4 / 2`, `3 | float`).
 * JavaScript has one number type, so `2.0` and `2` are the same number, yet
 * Python prints them differently (`2.0` / `2`). Such values are wrapped; every
 * other number stays a plain JavaScript number. `valueOf()` keeps plain
 * JavaScript arithmetic and comparisons working.
 */
export class PyFloat {
  constructor(public readonly value: number) {}

  public valueOf(): number {
    return this.value;
  }
}

export function isPyFloat(value: unknown): value is PyFloat {
  return value instanceof PyFloat;
}

/** A float result as Python has it: wrapped when integral. */
export function pyFloat(value: number): number | PyFloat {
  return Number.isInteger(value) ? new PyFloat(value) : value;
}

/** The JavaScript number of a PyFloat; any other value unchanged. */
export function unwrapFloat<T>(value: T | PyFloat): T | number {
  return value instanceof PyFloat ? value.value : value;
}
