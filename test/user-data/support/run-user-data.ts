/**
 * Runs generated user data in real bash on this machine with every external
 * dependency shimmed: curl (metadata service and completion signal), docker,
 * systemctl. The shims log their arguments so tests can see what the script
 * did. No root needed as long as the disk setup is off.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface UserDataRun {
  readonly exitCode: number;
  readonly stderr: string;
  /** `CC_ROOT` of the run: cluster.sh and the compose project are under it. */
  readonly root: string;
  /** JSON bodies PUT to the signal URL, parsed. */
  readonly signals: Array<{ Status: string; Reason: string; UniqueId: string; Data: string }>;
  /** Each docker invocation: working directory and arguments. */
  readonly dockerCalls: string[];
}

export interface RunOptions {
  /** Exit code of `docker compose up`. @default 0 */
  readonly composeUpExitCode?: number;
  /** Instance IP the fake metadata service returns. @default 10.1.2.3 */
  readonly instanceIp?: string;
}

const SIGNAL_URL = 'https://cloudformation-waitcondition-test.example/handle?X-Amz-Signature=abc&x=1';

/** The signal URL the shimmed curl accepts. */
export const TEST_SIGNAL_URL = SIGNAL_URL;

/** Runs `userData` (a complete user-data script) with shims; it must have been rendered with {@link TEST_SIGNAL_URL}. */
export function runUserData(userData: string, options: RunOptions = {}): UserDataRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-run-'));
  const bin = path.join(dir, 'bin');
  const root = path.join(dir, 'root');
  const log = path.join(dir, 'log');
  fs.mkdirSync(bin);
  fs.mkdirSync(log);
  const shim = (name: string, body: string) => fs.writeFileSync(path.join(bin, name), `#!/bin/bash\n${body}\n`, { mode: 0o755 });
  shim(
    'curl',
    [
      'args=("$@"); url=${args[-1]}',
      'case $url in',
      '  http://imds.test/latest/api/token) printf token-123 ;;',
      `  http://imds.test/latest/meta-data/local-ipv4) printf '%s' '${options.instanceIp ?? '10.1.2.3'}' ;;`,
      `  '${SIGNAL_URL}')`,
      '    for ((i = 0; i < ${#args[@]}; i++)); do if [ "${args[i]}" = --data-binary ]; then printf "%s\\n" "${args[i+1]}" >>"$CC_TEST_LOG/signals"; fi; done ;;',
      '  *) echo "unexpected URL $url" >&2; exit 22 ;;',
      'esac',
    ].join('\n'),
  );
  shim(
    'docker',
    [
      'printf "%s|%s\\n" "$PWD" "$*" >>"$CC_TEST_LOG/docker"',
      `if [ "$1 $2" = "compose up" ]; then exit ${options.composeUpExitCode ?? 0}; fi`,
      'exit 0',
    ].join('\n'),
  );
  shim('systemctl', 'exit 0');
  const script = path.join(dir, 'user-data.sh');
  fs.writeFileSync(script, userData);
  const result = spawnSync('/bin/bash', [script], {
    encoding: 'utf8',
    cwd: dir,
    env: { PATH: `${bin}:${process.env.PATH}`, CC_ROOT: root, CC_IMDS_ENDPOINT: 'http://imds.test', CC_TEST_LOG: log, HOME: dir },
  });
  const read = (file: string) => (fs.existsSync(path.join(log, file)) ? fs.readFileSync(path.join(log, file), 'utf8').trim().split('\n') : []);
  return {
    exitCode: result.status ?? -1,
    stderr: result.stderr,
    root,
    signals: read('signals').map((line) => JSON.parse(line)),
    dockerCalls: read('docker'),
  };
}
