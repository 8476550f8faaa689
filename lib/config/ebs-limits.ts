/**
 * EBS limits per volume type (AWS EBS volume types, 2025: gp3 raised to 64 TiB,
 * 80,000 IOPS and 2,000 MiB/s).
 */

export interface EbsTypeLimits {
  /** Size range in GiB. */
  readonly minGiB: number;
  readonly maxGiB: number;
  /** Provisioned IOPS. @default undefined: the type takes no `iops` */
  readonly iops?: {
    readonly min: number;
    readonly max: number;
    /** IOPS allowed per GiB of size. */
    readonly perGiB: number;
    /** IOPS any size may have regardless of `perGiB` (gp3's 3,000 baseline). @default undefined: none, `perGiB` alone bounds it */
    readonly baseline?: number;
    /** io1/io2 cannot be created without `iops`. */
    readonly required: boolean;
  };
  /** Provisioned throughput in MiB/s (gp3 only). @default undefined: the type takes no `throughput` */
  readonly throughput?: { readonly min: number; readonly max: number; readonly perIops: number };
}

export const EBS_LIMITS: Record<string, EbsTypeLimits> = {
  gp3: {
    minGiB: 1,
    maxGiB: 65536,
    iops: { min: 3000, max: 80000, perGiB: 500, baseline: 3000, required: false },
    throughput: { min: 125, max: 2000, perIops: 0.25 },
  },
  gp2: { minGiB: 1, maxGiB: 16384 },
  io1: { minGiB: 4, maxGiB: 16384, iops: { min: 100, max: 64000, perGiB: 50, required: true } },
  io2: { minGiB: 4, maxGiB: 65536, iops: { min: 100, max: 256000, perGiB: 1000, required: true } },
  st1: { minGiB: 125, maxGiB: 16384 },
  sc1: { minGiB: 125, maxGiB: 16384 },
  standard: { minGiB: 1, maxGiB: 1024 },
};

/** The type a volume without `volume_type` gets (the original used gp2). */
export const DEFAULT_VOLUME_TYPE = 'gp3';

/** IOPS a gp3 volume gets when none are given. */
export const GP3_BASELINE_IOPS = 3000;
