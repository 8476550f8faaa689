/**
 * `signal_timeout`: how long CloudFormation waits for a node's completion
 * signal. A wait condition accepts 1 second to 12 hours.
 */

/** Longest a CloudFormation wait condition may wait: 12 hours. */
export const MAX_SIGNAL_TIMEOUT_SECONDS = 43200;

/** What `signal_timeout` accepts, for messages. */
const VALID = 'minutes (15) or a whole number with s, m or h (90s, 30m, 1h), at most 12 hours';

/**
 * `signal_timeout` in seconds: a number is minutes; text is `<n>s`, `<n>m` or
 * `<n>h` (a bare number in text is minutes too). Returns a message naming
 * what is valid when it is not a usable duration.
 */
export function parseSignalTimeout(value: number | string): { seconds: number } | { problem: string } {
  const match = typeof value === 'number' ? (Number.isInteger(value) && value >= 0 ? [String(value), String(value), 'm'] : null) : /^(\d+)([smh]?)$/.exec(value);
  if (!match) return { problem: `${typeof value === 'number' ? value : `"${value}"`} is not a duration: expected ${VALID}` };
  const amount = Number(match[1]);
  const unit = match[2] || 'm';
  const seconds = unit === 'h' ? amount * 3600 : unit === 'm' ? amount * 60 : amount;
  if (seconds < 1 || seconds > MAX_SIGNAL_TIMEOUT_SECONDS) {
    return { problem: `${typeof value === 'number' ? value : `"${value}"`} is ${seconds} seconds; CloudFormation wait conditions accept 1 second to 12 hours (43200 s): expected ${VALID}` };
  }
  return { seconds };
}
