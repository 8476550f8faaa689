/**
 * The guest's shims, run on the host (no VM needed): they must answer like
 * the programs they stand for, or the VM scenarios would prove nothing.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SHIMS = path.join(__dirname, 'harness/guest/shims');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-shims-'));
  fs.mkdirSync(path.join(dir, 'cc/run/metadata/meta-data/placement'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'cc/run/metadata/meta-data/local-ipv4'), '10.1.2.3');
  fs.writeFileSync(path.join(dir, 'cc/run/metadata/meta-data/placement/availability-zone'), 'eu-west-1b');
  fs.writeFileSync(path.join(dir, 'cc/run/signal-prefixes'), 'https://signal.example/\n');
  fs.writeFileSync(path.join(dir, 'cc/run/ebs-device-names'), 'vol0123456789abcdef0 /dev/xvdc\nvol0fedcba9876543210 sdf\n');
  for (const [controller, serial] of [['nvme1', 'vol0123456789abcdef0'], ['nvme2', 'vol0fedcba9876543210'], ['nvme3', 'localdisk']]) {
    fs.mkdirSync(path.join(dir, 'sys/class/nvme', controller), { recursive: true });
    fs.writeFileSync(path.join(dir, 'sys/class/nvme', controller, 'serial'), `${serial}      \n`);
    fs.writeFileSync(path.join(dir, 'sys/class/nvme', controller, 'model'), 'QEMU NVMe Ctrl\n');
    fs.writeFileSync(path.join(dir, `${controller}n1`), '');
  }
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function shim(command: string, args: string[]): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync('bash', [path.join(SHIMS, command), ...args], {
    env: { ...process.env, PATH: `${SHIMS}:${process.env.PATH}`, CC_DIR: path.join(dir, 'cc'), CC_SYSFS: path.join(dir, 'sys') },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
}

describe('curl shim', () => {
  const IMDS = 'http://169.254.169.254/latest';

  it('serves metadata only with an IMDSv2 session token', () => {
    expect(shim('curl', ['-sf', `${IMDS}/meta-data/local-ipv4`]).status).toBe(22);
    expect(shim('curl', ['-sf', '-X', 'PUT', `${IMDS}/api/token`]).status).toBe(22); // no TTL header
    const token = shim('curl', ['-fsS', '-X', 'PUT', '-H', 'X-aws-ec2-metadata-token-ttl-seconds: 300', `${IMDS}/api/token`]);
    expect(token.status).toBe(0);
    const answer = shim('curl', ['-fsS', '-H', `X-aws-ec2-metadata-token: ${token.stdout.toString()}`, `${IMDS}/meta-data/local-ipv4`]);
    expect(answer).toMatchObject({ status: 0, stderr: '' });
    expect(answer.stdout.toString()).toBe('10.1.2.3');
    const wrong = shim('curl', ['-fsS', '-H', 'X-aws-ec2-metadata-token: forged', `${IMDS}/meta-data/local-ipv4`]);
    expect(wrong.status).toBe(22);
    expect(wrong.stderr).toContain('401');
  });

  it('lists metadata folders and answers 404 for unknown keys', () => {
    const token = shim('curl', ['-sX', 'PUT', '-H', 'X-aws-ec2-metadata-token-ttl-seconds: 60', `${IMDS}/api/token`]).stdout.toString();
    const header = `X-aws-ec2-metadata-token: ${token}`;
    expect(shim('curl', ['-s', '-H', header, `${IMDS}/meta-data/`]).stdout.toString().split('\n').sort()).toEqual(['local-ipv4', 'placement/']);
    expect(shim('curl', ['-fsSL', '-H', header, `${IMDS}/meta-data/placement/availability-zone`]).stdout.toString()).toBe('eu-west-1b');
    expect(shim('curl', ['-fs', '-H', header, `${IMDS}/meta-data/no-such-key`]).status).toBe(22);
    expect(shim('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '-H', header, `${IMDS}/meta-data/no-such-key`]).stdout.toString()).toBe('404');
  });

  it('records requests to the signal endpoint with method, headers and body', () => {
    fs.writeFileSync(path.join(dir, 'body.json'), '{"Status":"FAILURE"}');
    expect(shim('curl', ['-fsS', '--max-time', '30', '-X', 'PUT', '-H', 'Content-Type:', '--data-binary', '{"Status":"SUCCESS"}', 'https://signal.example/handle?sig=1']).status).toBe(0);
    expect(shim('curl', ['-sfT', path.join(dir, 'body.json'), 'https://signal.example/other']).status).toBe(0);
    const lines = fs.readFileSync(path.join(dir, 'cc/log/signals.log'), 'utf8').trim().split('\n').map((line) => line.split('\t'));
    expect(lines.map(([method, url, headers, body]) => [method, url, Buffer.from(headers, 'base64').toString().trim(), Buffer.from(body, 'base64').toString()])).toEqual([
      ['PUT', 'https://signal.example/handle?sig=1', 'Content-Type:', '{"Status":"SUCCESS"}'],
      ['PUT', 'https://signal.example/other', '', '{"Status":"FAILURE"}'],
    ]);
  });

  it('cannot reach any other host', () => {
    const result = shim('curl', ['-sS', 'https://github.com/docker/compose/releases/download/v2.29.0/docker-compose']);
    expect(result.status).toBe(6);
    expect(result.stderr).toContain('Could not resolve host: github.com');
  });
});

describe('EBS controller shims', () => {
  it('nvme id-ctrl --raw-binary puts the requested device name at byte 3072 of the 4096-byte structure', () => {
    const result = shim('nvme', ['id-ctrl', '--raw-binary', path.join(dir, 'nvme1n1')]);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBe(4096);
    expect(result.stdout.subarray(3072, 3104).toString()).toBe('/dev/xvdc'.padEnd(32));
    expect(result.stdout.subarray(4, 24).toString()).toBe('vol0123456789abcdef0'); // sn
    expect(result.stdout.subarray(24, 64).toString().trim()).toBe('Amazon Elastic Block Store'); // mn
  });

  it('nvme id-ctrl -v shows the vendor area as nvme-cli does', () => {
    const out = shim('nvme', ['id-ctrl', '-v', path.join(dir, 'nvme2n1')]).stdout.toString();
    expect(out).toMatch(/^sn\s+: vol0fedcba9876543210\s*$/m);
    expect(out).toMatch(/^mn\s+: Amazon Elastic Block Store\s*$/m);
    expect(out).toContain('vs[]:\n0000: 73 64 66 20 20 20 20 20 20 20 20 20 20 20 20 20 "sdf             "\n');
  });

  it('a disk that is not an EBS volume has no device name', () => {
    const result = shim('nvme', ['id-ctrl', '--raw-binary', path.join(dir, 'nvme3n1')]);
    expect(result.stdout.subarray(3072, 3104).toString().replace(/[\0 ]/g, '')).toBe('');
    expect(result.stdout.subarray(24, 64).toString().trim()).toBe('QEMU NVMe Ctrl');
    expect(shim('ebsnvme-id', [path.join(dir, 'nvme3n1')]).status).toBe(1);
  });

  it('ebsnvme-id prints the volume id and the device name', () => {
    expect(shim('ebsnvme-id', [path.join(dir, 'nvme1n1')]).stdout.toString()).toBe('Volume ID: vol-0123456789abcdef0\n/dev/xvdc\n');
    expect(shim('ebsnvme-id', ['-b', path.join(dir, 'nvme2n1')]).stdout.toString()).toBe('sdf\n');
    expect(shim('ebsnvme-id', ['-v', path.join(dir, 'nvme2n1')]).stdout.toString()).toBe('Volume ID: vol-0fedcba9876543210\n');
  });

  it('every call is logged with its user and arguments', () => {
    shim('ebsnvme-id', ['-b', path.join(dir, 'nvme2n1')]);
    shim('docker', ['compose', 'up', '-d']);
    const calls = fs.readFileSync(path.join(dir, 'cc/log/calls.log'), 'utf8').trim().split('\n').map((line) => {
      const [command, user, ...args] = line.split('\t');
      return [command, user, ...args.map((arg) => Buffer.from(arg, 'base64').toString())];
    });
    expect(calls).toEqual([
      ['ebsnvme-id', os.userInfo().username, '-b', path.join(dir, 'nvme2n1')],
      ['docker', os.userInfo().username, 'compose', 'up', '-d'],
    ]);
  });
});
