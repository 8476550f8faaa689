/**
 * Scenario 6: the bundled example (examples/mongodb) node 0, end to end: its
 * Jinja2 templates rendered, its volumes on a Nitro instance (m6i.large), its
 * user data run completely.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../lib/config';
import { describeVm, GIB, nodeDisks, ONE_BOOT_TIMEOUT_MS, recordTiming, runNodeUserData, testDir } from './harness';
import { deviceWithSerial, expectSuccess, fstabEntries, mountAt, signalBodies } from './harness/expectations';

const EXAMPLE_DIR = path.join(__dirname, '../../examples/mongodb/cloud-compose');

/** The example's .env (KEY=VALUE lines): the values its ${...} references take. */
function exampleEnv(): Record<string, string> {
  const lines = fs.readFileSync(path.join(EXAMPLE_DIR, '.env'), 'utf8').split('\n');
  return Object.fromEntries(lines.filter((line) => /^\w+=/.test(line)).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describeVm('the bundled example', () => {
  it('node 0 sets up its volumes, renders its templates, starts MongoDB and signals success', async () => {
    const env = exampleEnv();
    const config = loadConfig({ file: path.join(EXAMPLE_DIR, 'cloud-compose.yml'), env });
    const dir = testDir('example-node-0');
    const disks = nodeDisks(config, { style: 'nitro', dir });
    const project = '/opt/compose-cluster/mongodb-prod';
    const run = await runNodeUserData({
      config, nodeId: 0, env, disks, workDir: dir,
      metadata: { 'meta-data/local-ipv4': env.CLUSTER_NODE_0_IP },
      afterScript: 'stat -c "%n %u:%g %a" /data/mongodb /etc/mongodb/keyfile',
      collectFiles: ['/etc/mongodb/initiate.js', `${project}/.env`, `${project}/docker-compose.override.yml`, `${project}/docker-compose.yml`],
    });
    recordTiming('6 example node 0', run);
    const { report } = run;
    expectSuccess(report);

    // Volumes: Docker's storage on the docker group's first logical volume, MongoDB's data on the xfs volume.
    const data = disks.find((disk) => disk.volume.name === 'data')!;
    const docker = disks.find((disk) => disk.volume.name === 'docker')!;
    expect(data.sizeBytes).toBe(100 * GIB);
    expect(mountAt(report, '/data/mongodb')).toMatchObject({ source: deviceWithSerial(report, data.volumeId.replace('-', '')).device, fstype: 'xfs' });
    expect(mountAt(report, '/var/lib/docker')).toMatchObject({ source: '/dev/mapper/docker-data', fstype: 'xfs' });
    expect(report.physicalVolumes).toEqual([{ device: deviceWithSerial(report, docker.volumeId.replace('-', '')).device, vg: 'docker', sizeBytes: expect.any(Number) }]);
    expect(fstabEntries(report).map((entry) => entry[1]).sort()).toEqual(['/data/mongodb', '/var/lib/docker']);
    // The docker volume gets no volume id (it holds no mounted data): an image with ebsnvme-id
    // (Amazon Linux) finds it through the EBS controller's device name.
    expect(report.calls.filter((call) => call.command === 'ebsnvme-id').length).toBeGreaterThan(0);

    // The example's cluster.sh partials ran: data directory and keyfile for the mongodb user (uid 999).
    expect(report.afterOutput).toContain('/data/mongodb 999:999 755');
    expect(report.afterOutput).toContain('/etc/mongodb/keyfile 999:999 400');
    const members = [0, 1, 2].map((id) => `{_id: ${id}, host: "${env[`CLUSTER_NODE_${id}_IP`]}:27017"}`).join(', ');
    expect(report.files['/etc/mongodb/initiate.js']).toContain(`rs.initiate({_id: "${env.CLUSTER_NAME}", members: [${members}]})`);
    expect(report.files[`${project}/docker-compose.override.yml`]).toContain(`hostname: ${env.CLUSTER_NAME}-0`);
    expect(report.files[`${project}/docker-compose.yml`]).toBe(fs.readFileSync(path.join(__dirname, '../../examples/mongodb/docker-mongodb/docker-compose.yml'), 'utf8'));
    expect(report.files[`${project}/.env`]).toMatch(new RegExp(`^INSTANCE_IP=${env.CLUSTER_NODE_0_IP.replace(/\./g, '\\.')}$`, 'm'));
    expect(report.files[`${project}/.env`]).toMatch(/^MONGODB_VERSION="?8\.0"?$/m);

    expect(report.calls).toContainEqual({ command: 'docker', user: 'ec2-user', args: ['compose', 'up', '-d'] });
    expect(signalBodies(report)).toEqual([expect.objectContaining({ Status: 'SUCCESS', UniqueId: '0' })]);
  }, ONE_BOOT_TIMEOUT_MS);
});
