/**
 * ASG mode (`aws.asg`): a launch template and an Auto Scaling group over the
 * configured subnets, sized subnets x redundancy, with the classic load
 * balancers attached and a rolling update policy. Instances always boot the
 * newest image (as in the original); every volume is mapped at launch, so data
 * lives and dies with the instance.
 */
import { CfnAutoScalingRollingUpdate, Fn } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { AsgConfig, LoadedConfig } from '../config';
import { NodeSharedSettings } from './compose-node';
import { ebsBlockDevice } from './ebs-block-device';
import { nodeTags } from './tags';

export interface ComposeAutoScalingGroupProps {
  readonly config: LoadedConfig;
  readonly asg: AsgConfig;
  readonly shared: NodeSharedSettings;
  /** `aws.monitoring`: detailed monitoring of the group's instances. */
  readonly monitoring: boolean;
  /** The newest image for `aws.ami`. */
  readonly imageId: string;
  /** User data text for the given image. */
  readonly userData: (imageId: string) => string;
}

/** The launch template and Auto Scaling group of an ASG-mode cluster. */
export class ComposeAutoScalingGroup extends Construct {
  public readonly launchTemplate: ec2.CfnLaunchTemplate;
  public readonly group: autoscaling.CfnAutoScalingGroup;
  /** Instances the group keeps running: subnets x redundancy. */
  public readonly size: number;

  constructor(scope: Construct, id: string, props: ComposeAutoScalingGroupProps) {
    super(scope, id);
    const { shared, asg } = props;
    const name = shared.clusterName;
    const tags = nodeTags(shared.userTags, name, name);

    this.launchTemplate = new ec2.CfnLaunchTemplate(this, 'LaunchTemplate', {
      launchTemplateData: {
        imageId: props.imageId,
        instanceType: shared.instanceType,
        keyName: shared.keyName,
        ebsOptimized: shared.ebsOptimized,
        monitoring: { enabled: props.monitoring },
        iamInstanceProfile: { name: shared.instanceProfileName },
        networkInterfaces: [
          {
            deviceIndex: 0,
            associatePublicIpAddress: false,
            groups: shared.securityGroupIds.length > 0 ? [...shared.securityGroupIds] : undefined,
            deleteOnTermination: true,
          },
        ],
        blockDeviceMappings: launchTemplateBlockDevices(shared),
        metadataOptions: shared.metadataOptions,
        userData: Fn.base64(props.userData(props.imageId)),
        tagSpecifications: [
          { resourceType: 'instance', tags },
          { resourceType: 'volume', tags },
        ],
      },
      tagSpecifications: [{ resourceType: 'launch-template', tags }],
    });
    for (const dependency of shared.instanceDependencies) this.launchTemplate.addResourceDependency(dependency);

    this.size = asg.subnets.length * asg.redundancy;
    const size = String(this.size);
    this.group = new autoscaling.CfnAutoScalingGroup(this, 'Group', {
      minSize: size,
      maxSize: size,
      desiredCapacity: size,
      vpcZoneIdentifier: [...asg.subnets],
      loadBalancerNames: asg.elbs.length > 0 ? [...asg.elbs] : undefined,
      healthCheckType: asg.elbs.length > 0 ? 'ELB' : 'EC2',
      healthCheckGracePeriod: asg.elbs.length > 0 ? 300 : undefined,
      launchTemplate: { launchTemplateId: this.launchTemplate.ref, version: this.launchTemplate.attrLatestVersionNumber },
      tags: [
        { key: 'ClusterName', value: name, propagateAtLaunch: false },
      ],
    });
    const rollingUpdate: CfnAutoScalingRollingUpdate = {
      maxBatchSize: 1,
      minInstancesInService: this.size > 1 ? this.size - 1 : 0,
      pauseTime: 'PT5M',
    };
    this.group.cfnOptions.updatePolicy = { autoScalingRollingUpdate: rollingUpdate };
  }
}

/** Every EBS and instance-store volume as a launch-template mapping (nfs has none). */
function launchTemplateBlockDevices(shared: NodeSharedSettings): ec2.CfnLaunchTemplate.BlockDeviceMappingProperty[] {
  const mappings: ec2.CfnLaunchTemplate.BlockDeviceMappingProperty[] = [];
  for (const volume of shared.volumes) {
    if (volume.kind === 'none') continue;
    if (volume.kind === 'ephemeral') {
      mappings.push({ deviceName: volume.deviceName, virtualName: volume.virtualName });
      continue;
    }
    mappings.push({ deviceName: volume.deviceName, ebs: { ...ebsBlockDevice(volume, shared.kmsKeyId), throughput: volume.config.throughput } });
  }
  return mappings;
}
