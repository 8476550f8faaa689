/**
 * How each `cluster.aws` key of a fixed-IP cluster maps onto the node resources.
 */
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { editedConfig, fixtureConfig, synthCluster } from './support';

const INSTANCE = 'AWS::EC2::Instance';
const ENI = 'AWS::EC2::NetworkInterface';
const VOLUME = 'AWS::EC2::Volume';

describe('instance settings', () => {
  test('instance_type, keypair and ebs_optimized reach every instance', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => {
      c.aws.instance_type = 'r6i.xlarge';
      c.aws.keypair = 'admin-key';
      c.aws.ebs_optimized = true;
    }));
    template.resourceCountIs(INSTANCE, 3);
    template.allResourcesProperties(INSTANCE, { InstanceType: 'r6i.xlarge', KeyName: 'admin-key', EbsOptimized: true });
  });

  test('the original defaults: t2.medium, termination protection on, EBS optimization and detailed monitoring off', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => {
      delete c.aws.instance_type;
      delete c.aws.keypair;
    }));
    template.allResourcesProperties(INSTANCE, {
      InstanceType: 't2.medium',
      KeyName: Match.absent(),
      DisableApiTermination: true,
      EbsOptimized: false,
      Monitoring: false,
    });
  });

  test('terminate_protection: false turns DisableApiTermination off', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.terminate_protection = false; }));
    template.allResourcesProperties(INSTANCE, { DisableApiTermination: false });
  });

  test('detailed_monitoring: true turns instance Monitoring on', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.detailed_monitoring = true; }));
    template.allResourcesProperties(INSTANCE, { Monitoring: true });
  });

  test('the instance uses the node network interface as its primary interface and the cluster instance profile', () => {
    const { template, cluster, stack } = synthCluster(fixtureConfig('three-nodes.yml'));
    const node = cluster.nodeById(1);
    template.hasResourceProperties(INSTANCE, {
      NetworkInterfaces: [{ DeviceIndex: '0', NetworkInterfaceId: { Ref: stack.resolve(node.networkInterface.logicalId) } }],
      IamInstanceProfile: { Ref: stack.resolve(cluster.instanceProfile.logicalId) },
      SubnetId: Match.absent(),
      SecurityGroupIds: Match.absent(),
    });
  });
});

describe('instance metadata service', () => {
  test('defaults to IMDSv2 required with hop limit 2 so containers reach it', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.allResourcesProperties(INSTANCE, { MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'required', HttpPutResponseHopLimit: 2 } });
  });

  test('imdsv2: false and metadata_hop_limit are honoured', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => {
      c.aws.imdsv2 = false;
      c.aws.metadata_hop_limit = 1;
    }));
    template.allResourcesProperties(INSTANCE, { MetadataOptions: { HttpTokens: 'optional', HttpPutResponseHopLimit: 1 } });
  });
});

describe('network interface', () => {
  test('holds the fixed IP in the node subnet, the security groups and source/dest check', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.resourceCountIs(ENI, 3);
    template.hasResourceProperties(ENI, {
      SubnetId: 'subnet-0bbbbbbbbbbbbbbb2',
      PrivateIpAddress: '10.0.2.10',
      GroupSet: ['sg-0123456789abcdef0'],
      SourceDestCheck: true,
    });
  });

  test('source_dest_check: false is set on the interface', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.source_dest_check = false; }));
    template.allResourcesProperties(ENI, { SourceDestCheck: false });
  });

  test('security_groups as one comma-separated string', () => {
    const { template } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.security_groups = 'sg-0aaaaaaaaaaaaaaa1, sg-0bbbbbbbbbbbbbbb2'; }));
    template.allResourcesProperties(ENI, { GroupSet: ['sg-0aaaaaaaaaaaaaaa1', 'sg-0bbbbbbbbbbbbbbb2'] });
  });

  test('security_groups as a list', () => {
    const { template, cluster } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.security_groups = ['sg-0aaaaaaaaaaaaaaa1', 'sg-0ccccccccccccccc3']; }));
    template.allResourcesProperties(ENI, { GroupSet: ['sg-0aaaaaaaaaaaaaaa1', 'sg-0ccccccccccccccc3'] });
    expect(cluster.connections.securityGroups.map((group) => group.securityGroupId)).toEqual(['sg-0aaaaaaaaaaaaaaa1', 'sg-0ccccccccccccccc3']);
  });

  test('no security-group rule is added implicitly', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroupEgress', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 0);
  });

  test('eip: the allocation is associated with the node interface (not the instance), so it survives replacement', () => {
    const { template, cluster, stack } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.nodes[2].eip = 'eipalloc-0123456789abcdef0'; }));
    template.resourceCountIs('AWS::EC2::EIPAssociation', 1);
    template.hasResourceProperties('AWS::EC2::EIPAssociation', {
      AllocationId: 'eipalloc-0123456789abcdef0',
      NetworkInterfaceId: { Ref: stack.resolve(cluster.nodeById(2).networkInterface.logicalId) },
      InstanceId: Match.absent(),
    });
  });

  test('no public IP: a pre-made interface never gets an auto-assigned public address', () => {
    const { template } = synthCluster(fixtureConfig('three-nodes.yml'));
    template.allResourcesProperties(INSTANCE, { NetworkInterfaces: [Match.objectLike({ AssociatePublicIpAddress: Match.absent() })] });
  });
});

describe('tags', () => {
  const config = () => editedConfig('three-nodes.yml', (c) => {
    c.aws.tags.flag = true; // the original wrote Python's str(): True
    c.aws.tags.port = 8080;
  });
  const expected = { ClusterName: 'kafka-test', Name: 'kafka-test-1', flag: 'True', port: '8080', team: 'streaming' };

  /** Tags of node 1's resources of one type, as a map (CloudFormation ignores tag order). */
  function node1Tags(template: Template, type: string): Record<string, string> {
    const resources = Object.entries(template.findResources(type)).filter(([id]) => id.startsWith('ClusterNode1'));
    expect(resources).toHaveLength(1);
    return Object.fromEntries((resources[0][1].Properties.Tags as { Key: string; Value: string }[]).map((tag) => [tag.Key, tag.Value]));
  }

  test('ClusterName, Name=<name>-<id> and aws.tags (values as strings) on the instance, its interface and its data volumes', () => {
    const { template } = synthCluster(config());
    expect(node1Tags(template, INSTANCE)).toEqual(expected);
    expect(node1Tags(template, ENI)).toEqual(expected);
    expect(node1Tags(template, VOLUME)).toEqual({ ...expected, DeviceName: '/dev/xvdc', VolumeName: 'data' });
    template.allResourcesProperties(INSTANCE, { PropagateTagsToVolumeOnCreation: true });
  });

  test('aws.tags cannot override Name or ClusterName, and a warning says so', () => {
    const { template, stack } = synthCluster(editedConfig('three-nodes.yml', (c) => { c.aws.tags.Name = 'custom'; }));
    expect(node1Tags(template, INSTANCE).Name).toBe('kafka-test-1');
    expect(JSON.stringify(template.toJSON())).not.toContain('"custom"');
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp('aws.tags.Name is ignored'));
  });
});
