import { SIZE_PATTERN } from './schema';

/**
 * EBS size in GiB with the original's arithmetic: G as is, T x 1000, M divided
 * by 1000 (integer division); a bare number is GiB. Returns undefined when the
 * text is not a size or would round to 0 GiB.
 */
export function ebsSizeGiB(size: string | number): number | undefined {
  const match = SIZE_PATTERN.exec(String(size));
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] ?? 'G';
  const gib = unit === 'T' ? amount * 1000 : unit === 'M' ? Math.floor(amount / 1000) : amount;
  const whole = Math.floor(gib);
  return whole > 0 ? whole : undefined;
}
