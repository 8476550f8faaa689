/**
 * Jinja2's `StrictUndefined`: the value a missing name or attribute evaluates to.
 * It may be passed around, assigned, tested with `is defined` and replaced by
 * `| default`, but printing it, testing its truth, iterating it, comparing it or
 * reading an attribute of it is an error that names the expression.
 */

/** Thrown when a template uses an undefined value; the renderer adds file and line. */
export class UndefinedValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UndefinedValueError';
  }
}

export class StrictUndefined {
  /** @param description what was undefined, e.g. `'aws.usrname' is undefined` */
  constructor(public readonly description: string) {}

  /** Throws the error for any use other than `is defined` / `| default`. */
  public fail(): never {
    throw new UndefinedValueError(this.description);
  }

  // Arithmetic, `~`, `==` with a primitive and string building all convert to a primitive first.
  public [Symbol.toPrimitive](): never {
    return this.fail();
  }

  public toString(): string {
    return this.fail();
  }
}

/** The undefined value for a missing name or `a.b` expression. */
export function undefinedName(expression: string): StrictUndefined {
  return new StrictUndefined(`'${expression}' is undefined`);
}

export function isUndefined(value: unknown): value is StrictUndefined {
  return value instanceof StrictUndefined;
}

/** Throws if `value` is undefined: for operations that need a real value. */
export function requireDefined<T>(value: T | StrictUndefined): T {
  if (value instanceof StrictUndefined) value.fail();
  return value as T;
}
