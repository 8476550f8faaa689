/**
 * How `aws.volumes` map: the root and unmounted volumes (the lvm2 docker volume)
 * are block-device mappings; volumes that hold data are standalone volumes with
 * Snapshot policies attached at their `block`; ephemeral volumes are instance
 * store mappings; nfs volumes get no device.
 */
import { CfnResource } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Data, editedConfig, fixtureConfig, schemaOnlyConfig, synthCluster } from './support';

const INSTANCE = 'AWS::EC2::Instance';
const VOLUME = 'AWS::EC2::Volume';

function volume(c: Data, name: string): Data {
  return c.aws.volumes.find((v: Data) => v.name === name);
}

describe('block-device mappings', () => {
  test('root (no block) at /dev/xvda and the lvm2 docker volume at its block, gp3, encrypted, deleted with the instance', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.allResourcesProperties(INSTANCE, {
      BlockDeviceMappings: [
        { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 30, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true } },
        { DeviceName: '/dev/xvdz', Ebs: { VolumeSize: 20, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true } },
      ],
    });
  });

  test('rootDeviceName moves the root mapping (images whose root is not /dev/xvda)', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'), { rootDeviceName: '/dev/sda1' });
    template.hasResourceProperties(INSTANCE, { BlockDeviceMappings: Match.arrayWith([Match.objectLike({ DeviceName: '/dev/sda1', Ebs: Match.objectLike({ VolumeSize: 30 }) })]) });
  });

  describe('root device name', () => {
    const rootMapping = (template: Template) => (Object.values(template.findResources(INSTANCE))[0] as Data).Properties.BlockDeviceMappings[0].DeviceName;
    /** The fixture with `aws.root_device` set (written into the loaded config: the key's schema entry is added separately). */
    const withRootDevice = (device: string, edit: (c: Data) => void = () => {}) => {
      const config = editedConfig('three-nodes.yml', edit);
      (config.cluster.aws as Data).root_device = device;
      return config;
    };
    const assumedWarnings = (result: { stack: Data }) => Annotations.fromStack(result.stack).findWarning('*', Match.stringLikeRegexp('root device of image "docker-host" is not known'));

    test('aws.root_device moves the root mapping and silences the warning', () => {
      const result = synthCluster(withRootDevice('/dev/sda1'));
      expect(rootMapping(result.template)).toBe('/dev/sda1');
      expect(assumedWarnings(result)).toHaveLength(0);
    });

    test('precedence: rootDeviceName prop > aws.root_device > the root volume\'s block > /dev/xvda', () => {
      expect(rootMapping(synthCluster(withRootDevice('/dev/sda1', (c) => { volume(c, 'root').block = '/dev/xvdr'; }), { rootDeviceName: '/dev/nvme0n1' }).template)).toBe('/dev/nvme0n1');
      expect(rootMapping(synthCluster(withRootDevice('/dev/sda1', (c) => { volume(c, 'root').block = '/dev/xvdr'; })).template)).toBe('/dev/sda1');
      expect(rootMapping(synthCluster(editedConfig('three-nodes.yml', (c) => { volume(c, 'root').block = '/dev/xvdr'; })).template)).toBe('/dev/xvdr');
      expect(rootMapping(synthCluster(fixtureConfig('three-nodes.yml')).template)).toBe('/dev/xvda');
    });

    test('assuming /dev/xvda for an image looked up by Name tag warns, once, with how to set it', () => {
      const warnings = assumedWarnings(synthCluster(fixtureConfig('three-nodes.yml')));
      expect(warnings).toHaveLength(1);
      expect(warnings[0].entry.data).toContain('/dev/sda1');
      expect(warnings[0].entry.data).toContain('aws.root_device');
    });

    test('no warning when the volume names its block, the prop is set, there is no root volume, or aws.ami is an id', () => {
      expect(assumedWarnings(synthCluster(editedConfig('three-nodes.yml', (c) => { volume(c, 'root').block = '/dev/xvda'; })))).toHaveLength(0);
      expect(assumedWarnings(synthCluster(fixtureConfig('three-nodes.yml'), { rootDeviceName: '/dev/xvda' }))).toHaveLength(0);
      expect(assumedWarnings(synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.volumes = c.aws.volumes.filter((v: Data) => v.name !== 'root'); })))).toHaveLength(0);
      const byId = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.ami = 'ami-0fedcba9876543210'; }));
      expect(Annotations.fromStack(byId.stack).findWarning('*', Match.stringLikeRegexp('root device of image'))).toHaveLength(0);
    });
  });

  test('a root volume with block uses that device name', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { volume(c, 'root').block = '/dev/sda1'; }));
    template.hasResourceProperties(INSTANCE, { BlockDeviceMappings: Match.arrayWith([Match.objectLike({ DeviceName: '/dev/sda1' })]) });
  });

  test('volume_type, iops, snapshot, encrypted and delete_on_termination of a mapped volume', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => {
      Object.assign(volume(c, 'docker'), { volume_type: 'io1', iops: 600, snapshot: 'snap-0123456789abcdef0', encrypted: false, delete_on_termination: false, size: '1T' });
    }));
    template.allResourcesProperties(INSTANCE, {
      BlockDeviceMappings: Match.arrayWith([
        { DeviceName: '/dev/xvdz', Ebs: { VolumeSize: 1000, VolumeType: 'io1', Iops: 600, SnapshotId: 'snap-0123456789abcdef0', Encrypted: false, DeleteOnTermination: false } },
      ]),
    });
  });

  test('aws.encrypted: false turns encryption off for volumes without their own setting', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.encrypted = false; }));
    template.allResourcesProperties(INSTANCE, { BlockDeviceMappings: Match.arrayWith([Match.objectLike({ Ebs: Match.objectLike({ Encrypted: false }) })]) });
    template.allResourcesProperties(VOLUME, { Encrypted: false });
  });

  test('ephemeral volumes map instance store by virtual name', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => {
      c.aws.volumes.push({ name: 'ephemeral0', block: '/dev/xvdb', ephemeral: true }, { name: 'ephemeral1', block: '/dev/xvdd', ephemeral: true });
    }));
    template.allResourcesProperties(INSTANCE, {
      BlockDeviceMappings: Match.arrayWith([{ DeviceName: '/dev/xvdb', VirtualName: 'ephemeral0' }, { DeviceName: '/dev/xvdd', VirtualName: 'ephemeral1' }]),
    });
  });

  test('nfs volumes get no device at all', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => {
      c.aws.volumes.push({ name: 'shared', file_system: 'nfs', block: '/dev/xvdn', meta: { mount: '/mnt/shared' } });
    }));
    expect(JSON.stringify(template.toJSON())).not.toContain('/dev/xvdn');
    template.resourceCountIs(VOLUME, 3);
  });

  test('a KMS key given as a prop encrypts mapped and data volumes with it', () => {
    const { template, stack } = synthCluster(fixtureConfig('three-nodes.yml'), {}, (scope) => ({ ebsEncryptionKey: new kms.Key(scope, 'EbsKey') }));
    const keyArn = { 'Fn::GetAtt': [stack.resolve((stack.node.findChild('EbsKey').node.defaultChild as CfnResource).logicalId), 'Arn'] };
    template.allResourcesProperties(INSTANCE, { BlockDeviceMappings: Match.arrayWith([{ DeviceName: '/dev/xvdz', Ebs: Match.objectLike({ Encrypted: true, KmsKeyId: keyArn }) }]) });
    template.allResourcesProperties(VOLUME, { Encrypted: true, KmsKeyId: keyArn });
  });
});

describe('data volumes (volumes with a mount)', () => {
  test('are standalone volumes in the node AZ with Snapshot deletion and replacement policies', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.resourceCountIs(VOLUME, 3);
    for (const az of ['us-east-1a', 'us-east-1b', 'us-east-1c']) {
      template.hasResource(VOLUME, {
        Properties: { AvailabilityZone: az, Size: 100, VolumeType: 'gp3', Encrypted: true },
        DeletionPolicy: 'Snapshot',
        UpdateReplacePolicy: 'Snapshot',
      });
    }
  });

  test('are attached at their block name and not part of the block-device mappings', () => {
    const { template, cluster, stack } = synthCluster(fixtureConfig('three-nodes.yml'));
    const node = cluster.nodeById(0);
    template.hasResourceProperties(INSTANCE, {
      NetworkInterfaces: [Match.objectLike({ NetworkInterfaceId: { Ref: stack.resolve(node.networkInterface.logicalId) } })],
      Volumes: [{ Device: '/dev/xvdc', VolumeId: { Ref: stack.resolve(node.dataVolumes.data.logicalId) } }],
      BlockDeviceMappings: Match.not(Match.arrayWith([Match.objectLike({ DeviceName: '/dev/xvdc' })])),
    });
  });

  test('do not depend on the instance', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    for (const resource of Object.values(template.findResources(VOLUME))) {
      expect(resource.DependsOn).toBeUndefined();
      expect(JSON.stringify(resource.Properties)).not.toMatch(/Instance/);
    }
  });

  test('volume_type, iops, throughput, snapshot and encrypted', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => {
      Object.assign(volume(c, 'data'), { volume_type: 'gp3', iops: 6000, throughput: 500, snapshot: 'snap-0fedcba9876543210', encrypted: false });
    }));
    template.allResourcesProperties(VOLUME, { VolumeType: 'gp3', Iops: 6000, Throughput: 500, SnapshotId: 'snap-0fedcba9876543210', Encrypted: false });
  });

  test('an lvm2 volume with a mounted logical volume holds data', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { volume(c, 'docker').meta.volumes[0].mount = '/srv'; }));
    template.resourceCountIs(VOLUME, 6);
    template.hasResourceProperties(INSTANCE, { Volumes: Match.arrayWith([Match.objectLike({ Device: '/dev/xvdz' })]) });
  });

  test('a volume without volume_type is gp3 (the original defaulted to gp2)', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.allResourcesProperties(VOLUME, { VolumeType: 'gp3' });
  });

  test('explicit gp2 is kept', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { volume(c, 'data').volume_type = 'gp2'; }));
    template.allResourcesProperties(VOLUME, { VolumeType: 'gp2' });
  });
});

// loadConfig reports most of these too; the construct checks configs built without it.
describe('volume problems are reported together', () => {
  test('900M rounds to 0 GiB, iops on gp2, throughput on a mapped volume, two root volumes', () => {
    const config = schemaOnlyConfig('three-nodes.yml', (c) => {
      volume(c, 'data').size = '900M';
      Object.assign(volume(c, 'docker'), { volume_type: 'gp2', iops: 300 });
      volume(c, 'root').throughput = 200;
      c.aws.volumes.push({ name: 'other', size: '5G' });
    });
    let message = '';
    try {
      synthCluster(config);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('cluster.aws.volumes[2].size');
    expect(message).toContain('900M');
    expect(message).toContain('cluster.aws.volumes[1].iops');
    expect(message).toContain('cluster.aws.volumes[0].throughput');
    expect(message).toContain('cluster.aws.volumes[3]');
    expect(message).toMatch(/^4 problems/);
  });

  test('two volumes at the same device', () => {
    const config = schemaOnlyConfig('three-nodes.yml', (c) => { volume(c, 'docker').block = '/dev/xvdc'; });
    expect(() => synthCluster(config)).toThrow(/device \/dev\/xvdc is already used by volumes\[1\]/);
  });
});

describe('user data', () => {
  /** The user data of node 1 as text, with CloudFormation references as {Ref:<logical id>}. */
  function userDataOf(template: Template, prefix: string): string {
    const [, instance] = Object.entries(template.findResources('AWS::EC2::Instance')).find(([id]) => id.startsWith(prefix))!;
    const parts = instance.Properties.UserData['Fn::Base64']['Fn::Join'][1] as (string | { Ref: string })[];
    return parts.map((part) => (typeof part === 'string' ? part : `{Ref:${part.Ref}}`)).join('');
  }

  test('carries the node wait-condition URL and the ids of its data volumes, then the rendered cluster.sh', () => {
    const { template, cluster, stack } = synthCluster(fixtureConfig('three-nodes.yml'));
    const node = cluster.nodeById(1);
    const text = userDataOf(template, 'ClusterNode1');
    const handleId = Object.keys(template.findResources('AWS::CloudFormation::WaitConditionHandle')).find((id) => id.startsWith('ClusterNode1'));
    expect(text).toMatch(/^#!\/bin\/bash\n/);
    expect(text).toContain(`CC_SIGNAL_URL='{Ref:${handleId}}'`);
    expect(text).toContain(`CC_VOLUME_ID_data='{Ref:${stack.resolve(node.dataVolumes.data.logicalId)}}'`);
    expect(text).not.toContain("CC_VOLUME_ID_docker='"); // mapped volumes are found by device name
    expect(text).toContain('echo hello'); // fixtures/templates/cluster.sh
  });
});
