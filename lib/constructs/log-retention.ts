import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** Retention periods CloudWatch Logs accepts, in days, ascending. */
const ALLOWED_DAYS = Object.values(RetentionDays)
  .filter((value): value is number => typeof value === 'number' && value !== RetentionDays.INFINITE)
  .sort((a, b) => a - b);

/**
 * The CloudWatch retention closest to `days` (ties go to the longer period: logs are data).
 * `exact` tells whether `days` was itself an allowed value.
 */
export function nearestRetention(days: number): { readonly retention: RetentionDays; readonly exact: boolean } {
  if (!Number.isFinite(days) || days <= 0) {
    throw new Error(`logging.meta.retention must be a positive number of days, got ${days}`);
  }
  let best = ALLOWED_DAYS[0];
  for (const allowed of ALLOWED_DAYS) {
    if (Math.abs(allowed - days) <= Math.abs(best - days)) best = allowed;
  }
  return { retention: best as RetentionDays, exact: best === days };
}

/** The allowed retention values, for messages. */
export const ALLOWED_RETENTION_DAYS: readonly number[] = ALLOWED_DAYS;
