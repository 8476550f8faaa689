/**
 * The benchmark's baseline: the resources ComposeCluster makes for the
 * bench configs (the bundled example with N nodes), written directly with
 * aws-cdk-lib L1/L2 classes the way a hand-written stack would, with none of
 * the construct's validation, planning, lock file or naming.
 *
 * Per node: network interface, standalone data volume (Snapshot policies),
 * instance (root and docker volumes mapped, data volume attached, IMDSv2),
 * wait-condition handle and wait condition. Per cluster: log group, role with
 * the awslogs policy, instance profile. With `nodesPerStack`, nodes go into
 * nested stacks as ComposeCluster puts them.
 *
 * Supports exactly what the bench configs use; it is not a second
 * implementation of the construct. The boot script comes from the same user
 * data provider as ComposeCluster's, so both templates carry the same text.
 */
import { CfnDeletionPolicy, CfnWaitCondition, CfnWaitConditionHandle, ContextProvider, Fn, NestedStack, RemovalPolicy, Stack, StackProps } from 'aws-cdk-lib';
import * as cxschema from 'aws-cdk-lib/cloud-assembly-schema';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LoadedConfig, ebsSizeGiB } from '../lib/config';
import { defaultNodeUserData } from '../lib/constructs/node-user-data';

export interface BaselineClusterStackProps extends StackProps {
  readonly config: LoadedConfig;
  /** Nodes per nested stack, as ComposeCluster's prop. @default all nodes in this stack */
  readonly nodesPerStack?: number;
  /**
   * Put the resources in a construct for the cluster, as a construct library
   * does (longer construct paths, hashed logical ids).
   * @default false: every resource directly in its stack
   */
  readonly grouped?: boolean;
}

export class BaselineClusterStack extends Stack {
  constructor(scope: Construct, id: string, props: BaselineClusterStackProps) {
    super(scope, id, props);
    const { config } = props;
    const clusterScope: Construct = props.grouped ? new Construct(this, 'Cluster') : this;
    const { cluster } = config;
    const aws = cluster.aws;

    const imageId = ContextProvider.getValue(this, {
      provider: cxschema.ContextProvider.AMI_PROVIDER,
      props: { owners: aws.ami_owners, filters: { 'tag:Name': [aws.ami], 'state': ['available'], 'image-type': ['machine'] } },
      dummyValue: 'ami-1234',
    }).value as string;

    const logGroup = new logs.LogGroup(clusterScope, 'LogGroup', {
      logGroupName: cluster.logging!.meta!.group,
      retention: logs.RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const role = new iam.Role(clusterScope, 'Role', {
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      description: `Instances of compose cluster ${cluster.name}`,
      inlinePolicies: {
        Logs: new iam.PolicyDocument({
          statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [logGroup.logGroupArn, `${logGroup.logGroupArn}:*`] })],
        }),
      },
    });
    const profile = new iam.CfnInstanceProfile(clusterScope, 'InstanceProfile', { roles: [role.roleName] });

    const securityGroupIds = String(aws.security_groups).split(',').map((groupId) => groupId.trim());
    const userTags = Object.entries(aws.tags).map(([key, value]) => ({ key, value: String(value) }));
    const [root, docker, data] = aws.volumes;
    const zones = new Map<string, string>();
    const nestedStacks = new Map<number, NestedStack>();

    for (const node of aws.nodes ?? []) {
      let parent: Construct = this;
      if (props.nodesPerStack !== undefined) {
        const group = Math.floor(Number(node.id) / props.nodesPerStack);
        if (!nestedStacks.has(group)) nestedStacks.set(group, new NestedStack(clusterScope, `Nodes${group}`));
        parent = nestedStacks.get(group)!;
      } else {
        parent = clusterScope;
      }
      if (!zones.has(node.subnet)) {
        const found = ContextProvider.getValue(this, {
          provider: cxschema.ContextProvider.CC_API_PROVIDER,
          props: { typeName: 'AWS::EC2::Subnet', exactIdentifier: node.subnet, propertiesToReturn: ['AvailabilityZone', 'CidrBlock'] },
          dummyValue: [{ Identifier: node.subnet, AvailabilityZone: 'dummy1a' }],
        }).value as Array<{ AvailabilityZone: string }>;
        zones.set(node.subnet, found[0].AvailabilityZone);
      }
      const tags = [...userTags, { key: 'ClusterName', value: cluster.name }, { key: 'Name', value: `${cluster.name}-${node.id}` }];

      const eni = new ec2.CfnNetworkInterface(parent, `Eni${node.id}`, {
        subnetId: node.subnet,
        privateIpAddress: node.ip,
        groupSet: securityGroupIds,
        sourceDestCheck: aws.source_dest_check,
        description: `${cluster.name} node ${node.id}`,
        tags,
      });
      const volume = new ec2.CfnVolume(parent, `Data${node.id}`, {
        availabilityZone: zones.get(node.subnet)!,
        size: ebsSizeGiB(data.size)!,
        volumeType: 'gp3',
        encrypted: true,
        tags: [...tags, { key: 'DeviceName', value: data.block! }, { key: 'VolumeName', value: data.name }],
      });
      volume.cfnOptions.deletionPolicy = CfnDeletionPolicy.SNAPSHOT;
      volume.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.SNAPSHOT;

      const handle = new CfnWaitConditionHandle(parent, `Handle${node.id}`);
      const userData = defaultNodeUserData({ config, nodeId: node.id, imageId, signalUrl: handle.ref, volumeIds: { [data.name]: volume.ref }, warn: () => undefined }); // the example raises none
      const instance = new ec2.CfnInstance(parent, `Instance${node.id}`, {
        imageId,
        instanceType: aws.instance_type,
        keyName: aws.keypair,
        ebsOptimized: aws.ebs_optimized,
        monitoring: aws.detailed_monitoring,
        disableApiTermination: aws.terminate_protection,
        iamInstanceProfile: profile.ref,
        networkInterfaces: [{ deviceIndex: '0', networkInterfaceId: eni.ref }],
        blockDeviceMappings: [root, docker].map((mapped) => ({
          deviceName: mapped.block ?? '/dev/xvda',
          ebs: { volumeSize: ebsSizeGiB(mapped.size), volumeType: 'gp3', encrypted: true, deleteOnTermination: true },
        })),
        volumes: [{ device: data.block!, volumeId: volume.ref }],
        metadataOptions: { httpEndpoint: 'enabled', httpTokens: 'required', httpPutResponseHopLimit: aws.metadata_hop_limit },
        propagateTagsToVolumeOnCreation: true,
        userData: Fn.base64(userData),
        tags,
      });
      const wait = new CfnWaitCondition(parent, `Boot${node.id}`, { count: 1, handle: handle.ref, timeout: '900' });
      wait.addResourceDependency(instance);
    }
  }
}
