import * as fs from 'fs';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { buildNodeUserData, extractSelfExtracting, USER_DATA_LIMIT_BYTES, UserDataTooLargeError } from '../../lib/user-data';
import { renderClusterScript } from '../../lib/user-data/templates/render-cluster-script';
import { makeCluster } from './support/fixtures';
import { runUserData, TEST_SIGNAL_URL } from './support/run-user-data';
import { itWithShellcheck, shellcheckFindings } from './support/shellcheck';

const COMPOSE = 'services:\n  app:\n    image: "nginx:${NGINX_VERSION}"\n    environment:\n      IP: "${INSTANCE_IP}"\n';
// No final newline: Jinja2 rendering drops one, so the rendered override equals the file.
const OVERRIDE = 'services:\n  app:\n    hostname: "node-${NODE_ID}"';

/** A cluster without disk setup (the run needs no root) whose compose services start as root. */
function composeCluster(clusterScript: string, extra: Record<string, unknown> = {}) {
  return makeCluster(
    { disk_setup: false, environment: { NGINX_VERSION: '1.27', GREETING: "it's $HOME" }, ...extra },
    { 'cluster.sh': clusterScript, 'docker-compose.yml': COMPOSE, 'docker-compose.override.yml': OVERRIDE },
  );
}

describe('running the user data (bash, with curl/docker/systemctl shims)', () => {
  test('success: cluster.sh as rendered, compose files and .env in the project folder, services started, SUCCESS signalled', () => {
    const script = '#!/bin/bash\necho "from cluster.sh" > "$(dirname "$0")/ran"\necho "EXTRA=from-cluster-sh" >> "$COMPOSE_CLUSTER_ENV_FILE"';
    const config = composeCluster(script);
    const userData = buildNodeUserData(config, { nodeId: 0, env: {} });
    const run = runUserData(userData.render({ CC_SIGNAL_URL: TEST_SIGNAL_URL }));

    expect(run.stderr).toContain('step compose-start');
    expect(run.exitCode).toBe(0);
    const project = path.join(run.root, 'test-cluster');
    expect(fs.readFileSync(path.join(run.root, 'cluster.sh'), 'utf8')).toBe(renderClusterScript(config, { nodeId: 0, env: {} }));
    expect(fs.readFileSync(path.join(run.root, 'ran'), 'utf8')).toBe('from cluster.sh\n');
    expect(fs.readFileSync(path.join(project, 'docker-compose.yml'), 'utf8')).toBe(COMPOSE);
    expect(fs.readFileSync(path.join(project, 'docker-compose.override.yml'), 'utf8')).toBe(OVERRIDE);
    expect(fs.readFileSync(path.join(project, '.env'), 'utf8')).toBe(
      ['COMPOSE_PROJECT_NAME=test-cluster', 'NODE_ID=0', 'NGINX_VERSION=1.27', 'GREETING="it\'s \\$HOME"', 'INSTANCE_IP=10.1.2.3', 'EXTRA=from-cluster-sh', ''].join('\n'),
    );
    expect(run.dockerCalls.map((call) => call.split('|')[1])).toEqual(['info', 'compose version', 'compose up -d']);
    expect(run.dockerCalls.filter((call) => call.includes('compose'))).toEqual([`${project}|compose version`, `${project}|compose up -d`]);
    expect(run.signals).toEqual([{ Status: 'SUCCESS', Reason: 'node 0: done', UniqueId: '0', Data: 'finished' }]);
  });

  test('a failing cluster.sh: its exit code, FAILURE naming node and step, compose not started', () => {
    const userData = buildNodeUserData(composeCluster('#!/bin/bash\nexit 3\n', { aws: { nodes: [{ id: 'b', ip: '10.0.0.11', subnet: 'subnet-b' }] } }), { nodeId: 'b', env: {} });
    const run = runUserData(userData.render({ CC_SIGNAL_URL: TEST_SIGNAL_URL }));
    expect(run.exitCode).toBe(3);
    expect(run.signals).toEqual([{ Status: 'FAILURE', Reason: "node b: step 'cluster.sh' failed (exit 3)", UniqueId: 'b', Data: 'cluster.sh' }]);
    expect(run.dockerCalls.filter((call) => call.includes('compose up'))).toEqual([]);
  });

  test('a failing docker compose up is reported as step compose-start', () => {
    const userData = buildNodeUserData(composeCluster('#!/bin/bash\ntrue\n'), { nodeId: 0, env: {} });
    const run = runUserData(userData.render({ CC_SIGNAL_URL: TEST_SIGNAL_URL }), { composeUpExitCode: 7 });
    expect(run.exitCode).toBe(7);
    expect(run.signals.map((signal) => signal.Reason)).toEqual(["node 0: step 'compose-start' failed (exit 7)"]);
  });

  test('start_compose false: no compose files, no docker, cluster.sh still runs', () => {
    const userData = buildNodeUserData(composeCluster('#!/bin/bash\ntouch "$(dirname "$0")/ran"\n', { start_compose: false }), { nodeId: 0, env: {} });
    const run = runUserData(userData.render({ CC_SIGNAL_URL: TEST_SIGNAL_URL }));
    expect(run.exitCode).toBe(0);
    expect(fs.existsSync(path.join(run.root, 'ran'))).toBe(true);
    expect(fs.existsSync(path.join(run.root, 'test-cluster'))).toBe(false);
    expect(run.dockerCalls).toEqual([]);
    expect(run.signals.map((signal) => signal.Status)).toEqual(['SUCCESS']);
  });

  test('a cluster.sh without a final newline and with heredoc-like lines is written byte for byte', () => {
    const script = "#!/bin/bash\ncat <<'EOF'\n${NOT_EXPANDED} $(not run) `nor this`\nEOF\nCC_EOF\n\tprintf '%s' done";
    const config = composeCluster(script, { start_compose: false });
    const run = runUserData(buildNodeUserData(config, { nodeId: 0, env: {} }).render({ CC_SIGNAL_URL: TEST_SIGNAL_URL }));
    expect(fs.readFileSync(path.join(run.root, 'cluster.sh'), 'utf8')).toBe(renderClusterScript(config, { nodeId: 0, env: {} }));
  });

  test('compressed user data unpacks with bash and runs the same body', () => {
    const filler = Array.from({ length: 900 }, (_, index) => `# filler line ${index} to push the script over 16 KB`).join('\n');
    const config = composeCluster(`#!/bin/bash\n${filler}\ntouch "$(dirname "$0")/ran"\n`);
    const userData = buildNodeUserData(config, { nodeId: 0, env: {} });
    expect(userData.compressed).toBe(true);
    const text = userData.render({ CC_SIGNAL_URL: TEST_SIGNAL_URL });
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(USER_DATA_LIMIT_BYTES);
    const run = runUserData(text);
    expect(run.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(run.root, 'user-data.sh'), 'utf8')).toBe(userData.body);
    expect(fs.existsSync(path.join(run.root, 'ran'))).toBe(true);
    expect(run.signals.map((signal) => signal.Status)).toEqual(['SUCCESS']);
  });
});

describe('size and compression', () => {
  test('small user data is delivered as is, with the header first', () => {
    const userData = buildNodeUserData(composeCluster('#!/bin/bash\ntrue\n'), { nodeId: 0, env: {} });
    expect(userData.compressed).toBe(false);
    const text = userData.render({ CC_SIGNAL_URL: 'https://x.example/a?b=1&c=2' });
    expect(text.split('\n').slice(0, 3)).toEqual(['#!/bin/bash', '# compose-cluster user data: node 0 of cluster test-cluster', "CC_SIGNAL_URL='https://x.example/a?b=1&c=2'"]);
    expect(text.endsWith(userData.body)).toBe(true);
  });

  test('the size counts the signal URL at its worst case of 1024 bytes', () => {
    const userData = buildNodeUserData(composeCluster('#!/bin/bash\ntrue\n'), { nodeId: 0, env: {} });
    expect(userData.sizeBytes).toBe(Buffer.byteLength(userData.render({ CC_SIGNAL_URL: 'u'.repeat(1024) })));
  });

  test('over 16 KB the body is compressed; extracting it gives the body back', () => {
    const filler = Array.from({ length: 900 }, (_, index) => `echo "line ${index}"`).join('\n');
    const userData = buildNodeUserData(composeCluster(`#!/bin/bash\n${filler}\n`), { nodeId: 0, env: {} });
    expect(userData.uncompressedSizeBytes).toBeGreaterThan(USER_DATA_LIMIT_BYTES);
    expect(userData.compressed).toBe(true);
    expect(userData.sizeBytes).toBeLessThanOrEqual(USER_DATA_LIMIT_BYTES);
    expect(extractSelfExtracting(userData.render({ CC_SIGNAL_URL: 'u' }))).toBe(userData.body);
    expect(userData.readableScript.endsWith(userData.body)).toBe(true);
  });

  test('too large even compressed: a UserDataTooLargeError with both sizes and what to do', () => {
    const noise = randomBytes(16000).toString('base64');
    const build = () => buildNodeUserData(composeCluster(`#!/bin/bash\n: '${noise}'\n`), { nodeId: 0, env: {} });
    expect(build).toThrow(UserDataTooLargeError);
    try {
      build();
    } catch (error) {
      const tooLarge = error as UserDataTooLargeError;
      expect(tooLarge.rawBytes).toBeGreaterThan(21000);
      expect(tooLarge.compressedBytes).toBeGreaterThan(USER_DATA_LIMIT_BYTES);
      expect(tooLarge.message).toContain(`user data of node 0 is ${tooLarge.rawBytes} bytes (${tooLarge.compressedBytes} bytes compressed); EC2 accepts at most 16384`);
      expect(tooLarge.message).toContain('AMI');
    }
  });
});

describe('deploy-time values', () => {
  const dataVolumes = {
    disk_setup: true,
    aws: {
      volumes: [
        { name: 'root', size: '30G' },
        { name: 'docker', size: '20G', block: '/dev/xvdz', file_system: 'lvm2', meta: { group: 'docker', volumes: [{ name: 'data', size: '19G' }] } },
        { name: 'data', size: '100G', block: '/dev/xvdc', file_system: 'xfs', meta: { format: true, mount: '/data' } },
      ],
    },
  };

  test('the signal URL, and by default the volume id of each data volume (those with a mount)', () => {
    const userData = buildNodeUserData(makeCluster(dataVolumes), { nodeId: 0, env: {} });
    expect(userData.deployTimeVariables.map((variable) => variable.name)).toEqual(['CC_SIGNAL_URL', 'CC_VOLUME_ID_data']);
  });

  test('volumeIdsFor names the volumes the construct supplies ids for', () => {
    const userData = buildNodeUserData(makeCluster(dataVolumes), { nodeId: 0, env: {}, volumeIdsFor: ['docker', 'data'] });
    expect(userData.deployTimeVariables.map((variable) => variable.name)).toEqual(['CC_SIGNAL_URL', 'CC_VOLUME_ID_docker', 'CC_VOLUME_ID_data']);
    expect(userData.render({ CC_SIGNAL_URL: 'u', CC_VOLUME_ID_docker: 'vol-1', CC_VOLUME_ID_data: 'vol-2' })).toContain("CC_VOLUME_ID_data='vol-2'\n");
  });

  test('render needs every value, and accepts CDK tokens', () => {
    const userData = buildNodeUserData(makeCluster(dataVolumes), { nodeId: 0, env: {} });
    expect(() => userData.render({ CC_SIGNAL_URL: 'u' })).toThrow('user data of node 0: no value for CC_VOLUME_ID_data');
    const text = userData.render({ CC_SIGNAL_URL: '${Token[TOKEN.12]}', CC_VOLUME_ID_data: '${Token[TOKEN.13]}' });
    expect(text).toContain("CC_SIGNAL_URL='${Token[TOKEN.12]}'");
  });

  test('a token in the static body is an error naming it', () => {
    const config = makeCluster({ disk_setup: false, environment: { AMI: 'x' } }, { 'docker-compose.yml': 'services: {}\n' });
    expect(() => buildNodeUserData(config, { nodeId: 0, env: { AMI: '${Token[TOKEN.99]}' } })).toThrow(/contains the CloudFormation token \$\{Token\[TOKEN\.99\]\} outside its header/);
  });

  test('the readable script shows placeholders with descriptions', () => {
    const userData = buildNodeUserData(makeCluster(dataVolumes), { nodeId: 0, env: {} });
    expect(userData.readableScript).toContain("CC_VOLUME_ID_data='<deploy-time: EBS volume id of volume data (/dev/xvdc)");
  });
});

describe('shellcheck', () => {
  itWithShellcheck('user data with every part (disk setup with LVM and docker root, compose, signal) is clean', () => {
    const config = makeCluster(
      {
        aws: {
          username: 'ec2-user',
          volumes: [
            { name: 'docker', size: '20G', block: '/dev/xvdz', file_system: 'lvm2', meta: { group: 'docker', volumes: [{ name: 'data', size: '19G' }] } },
            { name: 'data', size: '100G', block: '/dev/xvdc', file_system: 'ext4', meta: { format: true, mount: '/data' } },
            { name: 'lv', size: '20G', block: '/dev/xvdd', file_system: 'lvm2', meta: { group: 'vg1', volumes: [{ name: 'db', size: '5G', mount: '/db' }] } },
          ],
        },
      },
      { 'docker-compose.yml': COMPOSE },
    );
    const userData = buildNodeUserData(config, { nodeId: 0, env: {} });
    expect(shellcheckFindings(userData.readableScript)).toBe('');
    expect(shellcheckFindings(userData.render({ CC_SIGNAL_URL: 'https://x.example/?a=1&b=2', CC_VOLUME_ID_data: 'vol-0123456789abcdef0', CC_VOLUME_ID_lv: 'vol-1' }))).toBe('');
  });

  itWithShellcheck('the minimal user data (no disk setup, no compose) and the compressed wrapper are clean', () => {
    const small = buildNodeUserData(composeCluster('#!/bin/bash\ntrue\n', { start_compose: false }), { nodeId: 0, env: {} });
    expect(shellcheckFindings(small.render({ CC_SIGNAL_URL: '' }))).toBe('');
    const filler = Array.from({ length: 900 }, (_, index) => `echo "line ${index}"`).join('\n');
    const large = buildNodeUserData(composeCluster(`#!/bin/bash\n${filler}\n`), { nodeId: 0, env: {} });
    expect(large.compressed).toBe(true);
    expect(shellcheckFindings(large.render({ CC_SIGNAL_URL: 'u' }))).toBe('');
  });
});
