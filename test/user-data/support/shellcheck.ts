/**
 * Runs shellcheck on generated scripts. shellcheck is a Debian package
 * (scripts/setup.sh installs it): in CI (`CI` set) a missing shellcheck fails
 * the tests; locally they are skipped with a message.
 */
import { spawnSync } from 'child_process';

export const shellcheckAvailable = spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;

/** `it` when shellcheck can run; otherwise a skipped test (locally) or a failing one (CI). */
export function itWithShellcheck(name: string, fn: () => void): void {
  if (shellcheckAvailable) {
    it(name, fn);
  } else if (process.env.CI) {
    it(name, () => {
      throw new Error('shellcheck is not installed: run scripts/setup.sh (Debian package shellcheck)');
    });
  } else {
    // eslint-disable-next-line no-console
    console.warn(`skipped "${name}": shellcheck is not installed (apt-get install shellcheck)`);
    it.skip(name, fn);
  }
}

/** shellcheck's findings for a bash script (empty when clean). */
export function shellcheckFindings(script: string): string {
  const result = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', '-'], { input: script, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result.status === 0 ? '' : `${result.stdout}${result.stderr}`;
}
