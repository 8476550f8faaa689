/**
 * Valid configs beyond the bundled example under the strict template validator
 * and the cdk-nag AwsSolutions checks, as `npx cdk synth` runs them: each must
 * synthesize with no validator error or warning and no open finding, and what
 * was acknowledged must be exactly what the config causes.
 *
 * The validator's WASM start-up costs ~3 s once per test file, and each synth
 * about a second: the matrix is one file with few synths.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../bin/cli/main';
import { INHERENT_FINDING_REASONS } from '../../lib/constructs/inherent-findings';
import { acknowledgements, editedExample, SynthResult, synthApp, tempDir, validationReport } from './support';

const README_EXAMPLE = path.join(__dirname, 'fixtures', 'readme-example');

/** Values for the README example's variables: the subnets and image name cdk.context.json has cached. */
const README_ENV = {
  CLUSTER_NAME: 'mongodb-test',
  IMAGE_ID: 'docker-host-al2023',
  IMAGE_USERNAME: 'ec2-user',
  SECURITY_GROUP_ID: 'sg-0a1b2c3d4e5f60718',
  CLUSTER_NODE_0_IP: '10.20.1.10',
  CLUSTER_NODE_0_SUBNET: 'subnet-0a00000000000000a',
  CLUSTER_NODE_1_IP: '10.20.2.10',
  CLUSTER_NODE_1_SUBNET: 'subnet-0b00000000000000b',
  CLUSTER_NODE_2_IP: '10.20.3.10',
  CLUSTER_NODE_2_SUBNET: 'subnet-0c00000000000000c',
};

/** Writes `configText` as cloud-compose.yml beside the README example's template folder; returns its path. */
function clusterFolder(configText: string): string {
  const dir = tempDir('compose-cluster-matrix-');
  fs.symlinkSync(path.join(README_EXAMPLE, 'docker-mongodb'), path.join(dir, 'docker-mongodb'));
  fs.writeFileSync(path.join(dir, 'cloud-compose.yml'), configText);
  return path.join(dir, 'cloud-compose.yml');
}

/** Synth with the validator on (it throws on any error, or warning under the strict setting). */
function strictSynth(configFile: string, env: Record<string, string> = {}): SynthResult {
  return synthApp({ validation: true, configFile, env });
}

/**
 * No plugin of the report has an open violation (synth would have thrown on an
 * error; the report lists only plugins with something to say, and is absent
 * when none has).
 */
function expectNoOpenFinding(result: SynthResult): void {
  for (const plugin of validationReport(result.outdir)?.pluginReports ?? []) {
    expect({ plugin: plugin.pluginName, violations: plugin.violations }).toEqual({ plugin: plugin.pluginName, violations: [] });
  }
}

/** The acknowledgements of one rule: construct path (below the stack) and reason. */
function acknowledged(result: SynthResult, ruleId: string): { path: string; reason: string }[] {
  return acknowledgements(result.app)
    .filter((ack) => ack.id.replace(/^Annotation::/, '') === ruleId)
    .map((ack) => ({ path: ack.path.slice(result.stack.stackName.length + 1), reason: ack.reason }));
}

function resourcesOfType(template: Record<string, any>, type: string): [string, any][] {
  return Object.entries(template.Resources as Record<string, any>).filter(([, resource]) => resource.Type === type);
}

describe("the original README's example (terminate_protection: false)", () => {
  let result: SynthResult;
  beforeAll(() => {
    result = strictSynth(path.join(README_EXAMPLE, 'cloud-compose.yml'), README_ENV);
  });

  test('synthesizes with no open finding', () => expectNoOpenFinding(result));

  test('its instances are unprotected, as configured, and EC29 is acknowledged once on the cluster for that reason', () => {
    const instances = resourcesOfType(result.template, 'AWS::EC2::Instance');
    expect(instances.map(([, instance]) => instance.Properties.DisableApiTermination)).toEqual([false, false, false]);
    expect(acknowledged(result, 'AwsSolutions-EC29')).toEqual([{ path: 'Cluster', reason: INHERENT_FINDING_REASONS.terminationProtectionOff }]);
  });
});

describe('the bundled example after `compose-cluster upgrade-node --node 1` step 0', () => {
  let result: SynthResult;
  let lockFile: string;
  beforeAll(async () => {
    const configFile = editedExample((text) => text);
    lockFile = path.join(path.dirname(configFile), 'cloud-compose.lock.json');
    const output: string[] = [];
    const code = await main(['upgrade-node', '--node', '1', '--config', configFile], {
      stdout: (text) => output.push(text),
      stderr: (text) => output.push(text),
      cwd: path.dirname(configFile),
      env: {},
    });
    expect({ code, output }).toEqual({ code: 0, output: [expect.stringContaining('turned off for this node only')] });
    result = strictSynth(configFile);
  });

  test('the lock file marks node 1 only', () => {
    const targets = JSON.parse(fs.readFileSync(lockFile, 'utf8')).targets;
    const nodes = Object.values(targets)[0] as Record<string, { unprotect?: boolean }>;
    expect(Object.fromEntries(Object.entries(nodes).map(([id, entry]) => [id, entry.unprotect ?? false]))).toEqual({ 0: false, 1: true, 2: false });
  });

  test('synthesizes with no open finding', () => expectNoOpenFinding(result));

  test("only node 1's instance is unprotected, and EC29 is acknowledged on that instance alone, for the replacement in progress", () => {
    const protection = Object.fromEntries(resourcesOfType(result.template, 'AWS::EC2::Instance').map(([id, instance]) => [id.replace(/^ClusterNode(\d+)Instance.*$/, '$1'), instance.Properties.DisableApiTermination]));
    expect(protection).toEqual({ 0: true, 1: false, 2: true });
    expect(acknowledged(result, 'AwsSolutions-EC29')).toEqual([{ path: 'Cluster/Node1Instance', reason: INHERENT_FINDING_REASONS.upgradeInProgress }]);
  });
});

describe('instance store, provisioned IOPS, gp3 throughput, a snapshot, an EIP, an instance policy and awslogs', () => {
  const config = (encrypted: boolean) => `cluster:
  name: full
  search_path: [docker-mongodb, docker-mongodb/cloud-compose/templates]
  logging: {driver: awslogs, meta: {group: /compose-cluster/full, retention: 14}}
  aws:
    ami: docker-host-al2023
    instance_type: m5d.large
    ebs_optimized: true
    security_groups: [sg-0a1b2c3d4e5f60718]
    instance_policy: '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::my-bucket/config.json"}]}'
    volumes:
      - {name: root, size: 20G, encrypted: ${encrypted}}
      - {name: ephemeral0, ephemeral: true, block: /dev/xvdb}
      - {name: data, size: 100G, block: /dev/xvdc, file_system: xfs, volume_type: io2, iops: 3000, meta: {format: true, mount: /data}}
      - {name: logs, size: 50G, block: /dev/xvdd, file_system: ext4, volume_type: gp3, iops: 4000, throughput: 250, snapshot: snap-0123456789abcdef0, meta: {mount: /logs}}
    nodes:
      - {id: 0, ip: 10.20.1.10, subnet: subnet-0a00000000000000a, eip: eipalloc-0123456789abcdef0}
      - {id: 1, ip: 10.20.2.10, subnet: subnet-0b00000000000000b}
`;
  let result: SynthResult;
  beforeAll(() => {
    result = strictSynth(clusterFolder(config(true)));
  });

  test('synthesizes with no open finding', () => expectNoOpenFinding(result));

  test('the settings reach the template', () => {
    const [[, instance]] = resourcesOfType(result.template, 'AWS::EC2::Instance');
    expect(instance.Properties.BlockDeviceMappings).toContainEqual({ DeviceName: '/dev/xvdb', VirtualName: 'ephemeral0' });
    const volumes = resourcesOfType(result.template, 'AWS::EC2::Volume').map(([, volume]) => volume.Properties);
    expect(volumes).toContainEqual(expect.objectContaining({ VolumeType: 'io2', Iops: 3000, Encrypted: true }));
    expect(volumes).toContainEqual(expect.objectContaining({ VolumeType: 'gp3', Iops: 4000, Throughput: 250, SnapshotId: 'snap-0123456789abcdef0', Encrypted: true }));
    expect(resourcesOfType(result.template, 'AWS::EC2::EIPAssociation')).toHaveLength(1);
  });

  test('EC26 is acknowledged on each instance (the resources with the instance-store mapping), not on the cluster or its volumes', () => {
    expect(acknowledged(result, 'AwsSolutions-EC26')).toEqual([
      { path: 'Cluster/Node0Instance', reason: INHERENT_FINDING_REASONS.instanceStore },
      { path: 'Cluster/Node1Instance', reason: INHERENT_FINDING_REASONS.instanceStore },
    ]);
  });

  test('with an unencrypted EBS mapping beside the instance store, EC26 stays open and fails synth', () => {
    expect(() => strictSynth(clusterFolder(config(false)))).toThrow(/AwsSolutions-EC26/);
  });
});

describe('ASG mode', () => {
  const config = (securityGroups: string) => `cluster:
  name: zk
  search_path: [docker-mongodb, docker-mongodb/cloud-compose/templates]
  aws:
    ami: docker-host-al2023
    instance_type: m5d.large
    security_groups: ${securityGroups}
    volumes:
      - {name: root, size: 30G}
      - {name: ephemeral0, ephemeral: true, block: /dev/xvdb}
    asg:
      subnets: [subnet-0a00000000000000a, subnet-0b00000000000000b]
      elbs: [zk-elb]
      redundancy: 2
`;
  const forms = {
    'a comma-separated string': '"sg-0a1b2c3d4e5f60718, sg-0f1e2d3c4b5a69788"',
    'a list': '[sg-0a1b2c3d4e5f60718, sg-0f1e2d3c4b5a69788]',
  };
  const results: Record<string, SynthResult> = {};
  beforeAll(() => {
    for (const [form, value] of Object.entries(forms)) results[form] = strictSynth(clusterFolder(config(value)));
  });

  test.each(Object.keys(forms))('with security_groups as %s: synthesizes with no open finding, the launch template gets both groups', (form) => {
    expectNoOpenFinding(results[form]);
    const [[, template]] = resourcesOfType(results[form].template, 'AWS::EC2::LaunchTemplate');
    expect(template.Properties.LaunchTemplateData.NetworkInterfaces.map((eni: any) => eni.Groups)).toEqual([['sg-0a1b2c3d4e5f60718', 'sg-0f1e2d3c4b5a69788']]);
  });

  test('AS3 and EC26 (the launch template has an instance-store mapping) are acknowledged on the group alone', () => {
    const result = results['a list'];
    expect(acknowledged(result, 'AwsSolutions-AS3')).toEqual([{ path: 'Cluster/AutoScalingGroup/Group', reason: INHERENT_FINDING_REASONS.scalingNotifications }]);
    expect(acknowledged(result, 'AwsSolutions-EC26')).toEqual([{ path: 'Cluster/AutoScalingGroup/Group', reason: INHERENT_FINDING_REASONS.instanceStore }]);
  });
});
