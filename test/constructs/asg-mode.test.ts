/**
 * ASG mode (`aws.asg`): a launch template and an Auto Scaling group.
 */
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { editedConfig, fixtureConfig, schemaOnlyConfig, synthCluster } from './support';

describe('ASG mode', () => {
  test('size is subnets x redundancy, over the configured subnets, with the classic ELBs', () => {
    const { template } = synthCluster(fixtureConfig('asg.yml'));
    template.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 1);
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      MinSize: '6',
      MaxSize: '6',
      DesiredCapacity: '6',
      VPCZoneIdentifier: ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0bbbbbbbbbbbbbbb2', 'subnet-0ccccccccccccccc3'],
      LoadBalancerNames: ['zk-elb'],
      LaunchTemplate: { LaunchTemplateId: { Ref: Match.anyValue() }, Version: { 'Fn::GetAtt': [Match.anyValue(), 'LatestVersionNumber'] } },
    });
  });

  test('redundancy defaults to 1 and elbs to none', () => {
    const { template } = synthCluster(editedConfig('asg.yml', (c) => { delete c.aws.asg.redundancy; delete c.aws.asg.elbs; }));
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { DesiredCapacity: '3', LoadBalancerNames: Match.absent() });
  });

  test('a rolling update policy replaces one instance at a time', () => {
    const { template } = synthCluster(fixtureConfig('asg.yml'));
    template.hasResource('AWS::AutoScaling::AutoScalingGroup', {
      UpdatePolicy: { AutoScalingRollingUpdate: { MaxBatchSize: 1, MinInstancesInService: 5 } },
    });
  });

  test('uses a launch template (no launch configuration) with the instance settings', () => {
    const { template } = synthCluster(fixtureConfig('asg.yml'));
    template.resourceCountIs('AWS::AutoScaling::LaunchConfiguration', 0);
    template.resourceCountIs('AWS::EC2::Instance', 0);
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 't3.small',
        KeyName: 'ops',
        Monitoring: { Enabled: true },
        MetadataOptions: { HttpEndpoint: 'enabled', HttpTokens: 'required', HttpPutResponseHopLimit: 2 },
        NetworkInterfaces: [{ DeviceIndex: 0, AssociatePublicIpAddress: false, Groups: ['sg-0123456789abcdef0'], DeleteOnTermination: true }],
        IamInstanceProfile: { Name: { Ref: Match.anyValue() } },
      }),
    });
  });

  test('every volume is mapped at launch, data volumes included (with throughput)', () => {
    const { template } = synthCluster(fixtureConfig('asg.yml'));
    template.resourceCountIs('AWS::EC2::Volume', 0);
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
      LaunchTemplateData: Match.objectLike({
        BlockDeviceMappings: [
          { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 16, VolumeType: 'gp3', Encrypted: true, DeleteOnTermination: true } },
          { DeviceName: '/dev/xvdc', Ebs: { VolumeSize: 50, VolumeType: 'gp3', Throughput: 250, Encrypted: true, DeleteOnTermination: true } },
        ],
      }),
    });
  });

  test('data volumes in ASG mode warn that their data lives with the instance', () => {
    const { stack } = synthCluster(fixtureConfig('asg.yml'));
    Annotations.fromStack(stack).hasWarning('/Stack/Cluster', Match.stringLikeRegexp('the data on data lives and dies with each instance'));
  });

  test('aws.monitoring (not detailed_monitoring) drives ASG instance monitoring', () => {
    const { template } = synthCluster(editedConfig('asg.yml', (c) => { c.aws.monitoring = false; c.aws.detailed_monitoring = true; }));
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: Match.objectLike({ Monitoring: { Enabled: false } }) });
  });

  test('instances and volumes are tagged ClusterName and Name=<cluster name> (the node id in ASG mode)', () => {
    const { template } = synthCluster(editedConfig('asg.yml', (c) => { c.aws.tags = { team: 'coord' }; }));
    const data = Object.values(template.findResources('AWS::EC2::LaunchTemplate'))[0].Properties.LaunchTemplateData;
    const asMap = (tags: { Key: string; Value: string }[]) => Object.fromEntries(tags.map((tag) => [tag.Key, tag.Value]));
    const expected = { ClusterName: 'zk-asg', Name: 'zk-asg', team: 'coord' };
    expect(data.TagSpecifications.map((spec: { ResourceType: string }) => spec.ResourceType)).toEqual(['instance', 'volume']);
    for (const spec of data.TagSpecifications) expect(asMap(spec.Tags)).toEqual(expected);
  });

  test('a Name tag resolves to the newest image (no pin)', () => {
    const { template, lockFile } = synthCluster(editedConfig('asg.yml', (c) => { c.aws.ami = 'docker-host'; }));
    template.hasResourceProperties('AWS::EC2::LaunchTemplate', { LaunchTemplateData: Match.objectLike({ ImageId: 'ami-0123456789abcdef0' }) });
    expect(require('fs').existsSync(lockFile)).toBe(false);
  });

  test('nodes and asg together is an error', () => {
    const config = schemaOnlyConfig('asg.yml', (c) => { c.aws.nodes = [{ id: 0, ip: '10.0.1.10', subnet: 'subnet-0aaaaaaaaaaaaaaa1' }]; });
    expect(() => synthCluster(config)).toThrow(/cluster\.aws: has both `nodes` and `asg`/);
  });
});
