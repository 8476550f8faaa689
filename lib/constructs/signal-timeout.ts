import { parseSignalTimeout } from '../config';

/**
 * `signal_timeout` in seconds, by the loader's own rule (lib/config/signal-timeout.ts):
 * a number is minutes; text is `<n>s`, `<n>m` or `<n>h`. Throws a message naming
 * what is valid, for configs that did not come through `loadConfig`.
 */
export function signalTimeoutSeconds(value: number | string): number {
  const parsed = parseSignalTimeout(value);
  if ('problem' in parsed) throw new Error(`signal_timeout: ${parsed.problem}`);
  return parsed.seconds;
}
