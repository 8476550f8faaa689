/**
 * Python's fixed-point formatting (`'%.1f' % x`, `'{:.1f}'.format(x)`): like
 * JavaScript's `toFixed`, from the exact binary value, except that an exact
 * tie goes to the even digit (`2.25` -> `2.2`; `toFixed` gives `2.3`).
 */
export function pythonToFixed(value: number, digits: number): string {
  const plain = value.toFixed(digits);
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21 || digits > 90) return plain;
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  // Enough digits to see the exact expansion of any tie (a tie ends right after the kept digits).
  const exact = Math.abs(value).toFixed(digits + 10);
  const cut = digits === 0 ? exact.indexOf('.') : exact.indexOf('.') + 1 + digits;
  const rest = exact.slice(cut).replace('.', '');
  if (!/^50*$/.test(rest)) return plain;
  const kept = exact.slice(0, digits === 0 ? cut : cut);
  const lastDigit = Number(kept.replace('.', '').slice(-1));
  if (lastDigit % 2 === 1) return plain;
  return sign + kept;
}
