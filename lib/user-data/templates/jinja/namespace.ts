import { pyStr } from './python-values';
import { isUndefined } from './strict-undefined';

/** Jinja2's `namespace()`: the one object whose attributes `{% set ns.attr = ... %}` may assign. */
export class Namespace {
  constructor(attributes: Record<string, unknown>) {
    Object.assign(this, attributes);
  }

  public toString(): string {
    return `<Namespace ${pyStr(Object.assign({}, this))}>`;
  }
}

/** `{% set ns.attr = value %}`. */
export function setAttribute(target: unknown, key: unknown, value: unknown): void {
  if (isUndefined(target)) target.fail();
  if (!(target instanceof Namespace)) throw new TypeError('cannot assign attribute on non-namespace object');
  (target as unknown as Record<string, unknown>)[String(key)] = value;
}
