/** Longest a CloudFormation wait condition may wait: 12 hours. */
const MAX_SECONDS = 43200;

/**
 * `signal_timeout` in seconds: a number is minutes; text is `<n>s`, `<n>m` or `<n>h`
 * (a bare number in text is minutes too). Throws a message naming what is valid.
 */
export function signalTimeoutSeconds(value: number | string): number {
  const match = /^\s*(\d+)\s*([smh]?)\s*$/i.exec(String(value));
  if (!match) {
    throw new Error(`signal_timeout: "${value}" is not a duration; use minutes (15) or a number with s, m or h (90s, 30m, 1h)`);
  }
  const amount = Number(match[1]);
  const unit = (match[2] || 'm').toLowerCase();
  const seconds = unit === 'h' ? amount * 3600 : unit === 'm' ? amount * 60 : amount;
  if (seconds < 1 || seconds > MAX_SECONDS) {
    throw new Error(`signal_timeout: "${value}" is ${seconds} seconds; CloudFormation wait conditions accept 1 second to 12 hours (43200 s)`);
  }
  return seconds;
}
