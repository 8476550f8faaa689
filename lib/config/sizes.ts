/**
 * Sizes in cloud-compose.yml.
 *
 * EBS volume sizes keep the original's arithmetic; LVM logical volume sizes are
 * handed to `lvcreate -L` verbatim, so they follow LVM's own unit rules.
 */

/** `<number><M|G|T>` or a bare number of GiB, e.g. `30G`, `900M`, `1T`, `20`: no spaces. */
export const SIZE_PATTERN = /^(\d+(?:\.\d+)?)([MGT])?$/;

/** GiB with the original's arithmetic (G as is, T x 1000, M / 1000), before rounding. */
function exactGiB(size: string | number): { gib: number; unit: string } | undefined {
  const match = SIZE_PATTERN.exec(String(size));
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = match[2] ?? 'G';
  return { gib: unit === 'T' ? amount * 1000 : unit === 'M' ? amount / 1000 : amount, unit };
}

/**
 * EBS size in GiB with the original's arithmetic: G as is, T x 1000, M divided
 * by 1000 (integer division); a bare number is GiB. Returns undefined when the
 * text is not a size, is not a whole number of GiB (`1.5G`; the original's
 * int() refused it) or would round to 0 GiB.
 */
export function ebsSizeGiB(size: string | number): number | undefined {
  const exact = exactGiB(size);
  if (!exact) return undefined;
  const gib = exact.unit === 'M' ? Math.floor(exact.gib) : exact.gib;
  return Number.isInteger(gib) && gib > 0 ? gib : undefined;
}

/**
 * What is wrong with an EBS size that has the right form: an error when it is
 * not a whole number of GiB or less than 1 GiB, a warning when M's integer
 * division drops a remainder (`2000M` is 2 GiB, `2500M` also 2 GiB).
 */
export function ebsSizeProblem(size: string | number): { severity: 'error' | 'warning'; message: string } | undefined {
  const exact = exactGiB(size);
  if (!exact) return undefined;
  const written = typeof size === 'string' ? `"${size}"` : String(size);
  if (exact.unit === 'M') {
    const gib = Math.floor(exact.gib);
    if (gib < 1) return { severity: 'error', message: `${written} is less than 1 GiB (EBS sizes are whole GiB; M counts as 1/1000 G and rounds down, as in the original): expected at least 1000M or 1G` };
    if (gib !== exact.gib) return { severity: 'warning', message: `${written} becomes ${gib} GiB: M counts as 1/1000 G and the remainder is dropped, as in the original; write ${gib}G to say so` };
    return undefined;
  }
  if (!Number.isInteger(exact.gib)) {
    const whole = Math.floor(exact.gib);
    return { severity: 'error', message: `${written} is ${exact.gib} GiB; EBS sizes are whole GiB (the original refused it): expected e.g. ${Math.max(whole, 1)}G or ${whole + 1}G` };
  }
  if (exact.gib < 1) return { severity: 'error', message: `${written} is less than 1 GiB: expected at least 1G` };
  return undefined;
}

/**
 * What `lvcreate -L` accepts: a number with an optional unit. Input units are
 * binary in either case (lvm(8): b bytes, s 512-byte sectors, k KiB, m MiB,
 * g GiB, t TiB, p PiB, e EiB); no unit means MiB. `%FREE`/`%VG` belong to
 * `lvcreate -l` and are rejected.
 */
export const LVM_SIZE_PATTERN = /^(\d+(?:\.\d+)?)([bBsSkKmMgGtTpPeE])?$/;

const LVM_UNIT_BYTES: Record<string, number> = {
  b: 1,
  s: 512,
  k: 1024,
  m: 1024 ** 2,
  g: 1024 ** 3,
  t: 1024 ** 4,
  p: 1024 ** 5,
  e: 1024 ** 6,
};

/** Bytes requested by an `lvcreate -L` size, or undefined when it is not one. */
export function lvmSizeBytes(size: string | number): number | undefined {
  const match = LVM_SIZE_PATTERN.exec(String(size));
  if (!match) return undefined;
  const unit = (match[2] ?? 'm').toLowerCase();
  return Number(match[1]) * LVM_UNIT_BYTES[unit];
}

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

/** vgcreate's default physical extent size. */
export const LVM_EXTENT_BYTES = 4 * MIB;

/**
 * Physical extents a whole-disk PV of `diskGiB` offers to its volume group.
 *
 * `pvcreate` puts the label and the (single, default) metadata area in front of
 * the data area, which starts at the 1 MiB data alignment (`pe_start` = 1 MiB);
 * the rest is cut into whole 4 MiB extents. A 20 GiB disk: (20480 - 1) MiB / 4
 * = 5119 extents.
 */
export function lvmExtentsOnDisk(diskGiB: number): number {
  return Math.floor((diskGiB * GIB - 1 * MIB) / LVM_EXTENT_BYTES);
}

/** Extents `lvcreate -L` allocates: the size rounded up to whole extents. */
export function lvmExtentsFor(bytes: number): number {
  return Math.ceil(bytes / LVM_EXTENT_BYTES);
}
