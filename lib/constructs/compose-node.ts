/**
 * One fixed-IP node: its network interface (the node's network identity), its
 * data volumes (which outlive the instance), and, unless it is being replaced,
 * its instance and the wait condition that tracks the instance's boot script.
 *
 * The resources are created directly in the given scope (the cluster, or a
 * nested stack) with ids prefixed `Node<id>`, not under a construct of their
 * own: a construct per node costs about a fifth of a large cluster's synth time.
 */
import { createHash } from 'crypto';
import { CfnResource, CfnTag, CfnWaitCondition, CfnWaitConditionHandle, CfnDeletionPolicy, Fn } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { ebsBlockDevice } from './ebs-block-device';
import { nodeTags } from './tags';
import { PlannedVolume } from './volume-plan';

/** Settings shared by every node of a cluster, computed once by the cluster. */
export interface NodeSharedSettings {
  /** `aws.instance_type`. */
  readonly instanceType: string;
  /** `aws.keypair`. @default - no key pair */
  readonly keyName?: string;
  /** `aws.ebs_optimized`. */
  readonly ebsOptimized: boolean;
  /** `aws.detailed_monitoring`. */
  readonly detailedMonitoring: boolean;
  /** `aws.terminate_protection`. */
  readonly terminationProtection: boolean;
  /** `aws.source_dest_check`, set on the network interface. */
  readonly sourceDestCheck: boolean;
  /** Security groups of every network interface. */
  readonly securityGroupIds: readonly string[];
  /** Ref of the cluster's instance profile. */
  readonly instanceProfileName: string;
  /** `aws.volumes`, planned. */
  readonly volumes: readonly PlannedVolume[];
  /** KMS key for encrypted volumes. @default - the account's aws/ebs key */
  readonly kmsKeyId?: string;
  /** IMDS settings (`aws.imdsv2`, `aws.metadata_hop_limit`). */
  readonly metadataOptions: ec2.CfnInstance.MetadataOptionsProperty;
  /** `aws.tags`, without the reserved keys. */
  readonly userTags: readonly CfnTag[];
  /** `name`. */
  readonly clusterName: string;
  /** `signal_timeout` in seconds. */
  readonly signalTimeoutSeconds: number;
  /** Resources every instance must wait for (e.g. a separately attached IAM policy). */
  readonly instanceDependencies: readonly CfnResource[];
}

/** What differs between nodes. */
export interface ComposeNodeProps {
  readonly shared: NodeSharedSettings;
  readonly nodeId: string;
  readonly privateIp: string;
  readonly subnetId: string;
  readonly availabilityZone: string;
  /** Elastic IP allocation id to associate with the node's network interface. @default - no EIP */
  readonly eipAllocationId?: string;
  /** The image to boot. @default - no instance: it is left out (first step of a two-step replacement) */
  readonly imageId?: string;
  /** Turn termination protection off for this node only (before its instance is removed). @default false */
  readonly unprotect?: boolean;
  /**
   * SnapshotId to use instead of the config's `snapshot`, by volume name: the
   * recorded one of a volume that already exists (see data-volume-guard.ts).
   * @default - every data volume uses its configured `snapshot`
   */
  readonly keptSnapshots?: ReadonlyMap<string, string | undefined>;
  /** Produces the user-data text once the signal URL and volume ids are known. */
  readonly userData: (signalUrl: string, volumeIds: Record<string, string>) => string;
}

/** A node of a {@link ComposeCluster}: references to its resources. */
export class ComposeNode {
  /** The node id from `aws.nodes[].id`. */
  public readonly nodeId: string;
  /** The node's fixed private IP. */
  public readonly privateIp: string;
  public readonly subnetId: string;
  public readonly availabilityZone: string;
  /** The node's network identity: holds the fixed IP, the security groups and the EIP. */
  public readonly networkInterface: ec2.CfnNetworkInterface;
  /** Data volumes (volumes with a mount) by volume name: standalone, kept across instance replacements. */
  public readonly dataVolumes: Readonly<Record<string, ec2.CfnVolume>>;
  /** The instance; undefined while the node is left out for a two-step replacement. */
  public readonly instance?: ec2.CfnInstance;
  /** The image the instance boots; undefined when the instance is left out. */
  public readonly imageId?: string;
  /** Completes when the instance's boot script signals success; undefined without instance. */
  public readonly waitCondition?: CfnWaitCondition;
  /** The user-data text (with deploy-time tokens) of the instance; undefined without instance. */
  public readonly userDataText?: string;
  /** The EIP association, when `eip` is set. */
  public readonly eipAssociation?: ec2.CfnEIPAssociation;

  /** The construct the node's resources were created in (the cluster, or a nested stack). */
  public readonly scope: Construct;

  /** Creates the node's resources in `scope`, their construct ids prefixed with `prefix`. */
  constructor(scope: Construct, prefix: string, props: ComposeNodeProps) {
    this.scope = scope;
    const { shared } = props;
    this.nodeId = props.nodeId;
    this.privateIp = props.privateIp;
    this.subnetId = props.subnetId;
    this.availabilityZone = props.availabilityZone;
    const tags = nodeTags(shared.userTags, shared.clusterName, `${shared.clusterName}-${props.nodeId}`);

    this.networkInterface = new ec2.CfnNetworkInterface(scope, `${prefix}NetworkInterface`, {
      subnetId: props.subnetId,
      privateIpAddress: props.privateIp,
      groupSet: shared.securityGroupIds.length > 0 ? [...shared.securityGroupIds] : undefined,
      sourceDestCheck: shared.sourceDestCheck,
      description: `${shared.clusterName} node ${props.nodeId}`,
      tags,
    });

    const dataVolumes: Record<string, ec2.CfnVolume> = {};
    for (const volume of shared.volumes) {
      if (volume.kind !== 'data') continue;
      const resource = new ec2.CfnVolume(scope, `${prefix}Volume-${volume.config.name.replace(/\//g, '-')}`, {
        availabilityZone: props.availabilityZone,
        size: volume.sizeGiB,
        volumeType: volume.volumeType,
        iops: volume.config.iops,
        throughput: volume.config.throughput,
        encrypted: volume.encrypted,
        kmsKeyId: volume.encrypted ? shared.kmsKeyId : undefined,
        snapshotId: props.keptSnapshots?.has(volume.config.name) ? props.keptSnapshots.get(volume.config.name) : volume.config.snapshot,
        tags: [...tags, { key: 'DeviceName', value: volume.deviceName! }, { key: 'VolumeName', value: volume.config.name }],
      });
      resource.cfnOptions.deletionPolicy = CfnDeletionPolicy.SNAPSHOT;
      resource.cfnOptions.updateReplacePolicy = CfnDeletionPolicy.SNAPSHOT;
      dataVolumes[volume.config.name] = resource;
    }
    this.dataVolumes = dataVolumes;

    if (props.eipAllocationId) {
      // Associated with the interface, not the instance: the public address stays through a replacement.
      this.eipAssociation = new ec2.CfnEIPAssociation(scope, `${prefix}EipAssociation`, {
        allocationId: props.eipAllocationId,
        networkInterfaceId: this.networkInterface.ref,
      });
    }

    if (props.imageId === undefined) return;
    this.imageId = props.imageId;

    // A new image means a new instance, which must signal again: the handle and the
    // condition get new logical ids, so CloudFormation waits for the new boot.
    const bootId = bootIdOf(props.imageId);
    const handle = new CfnWaitConditionHandle(scope, `${prefix}BootHandle${bootId}`);
    const volumeIds = Object.fromEntries(Object.entries(dataVolumes).map(([name, volume]) => [name, volume.ref]));

    this.instance = new ec2.CfnInstance(scope, `${prefix}Instance`, {
      imageId: props.imageId,
      instanceType: shared.instanceType,
      keyName: shared.keyName,
      ebsOptimized: shared.ebsOptimized,
      monitoring: shared.detailedMonitoring,
      disableApiTermination: shared.terminationProtection && !props.unprotect,
      iamInstanceProfile: shared.instanceProfileName,
      networkInterfaces: [{ deviceIndex: '0', networkInterfaceId: this.networkInterface.ref }],
      blockDeviceMappings: blockDeviceMappings(shared),
      volumes: Object.entries(dataVolumes).map(([name, volume]) => ({
        device: shared.volumes.find((planned) => planned.config.name === name)!.deviceName!,
        volumeId: volume.ref,
      })),
      metadataOptions: shared.metadataOptions,
      propagateTagsToVolumeOnCreation: true,
      userData: Fn.base64((this.userDataText = props.userData(handle.ref, volumeIds))),
      tags,
    });
    for (const dependency of shared.instanceDependencies) this.instance.addResourceDependency(dependency);

    this.waitCondition = new CfnWaitCondition(scope, `${prefix}Boot${bootId}`, {
      count: 1,
      handle: handle.ref,
      timeout: String(shared.signalTimeoutSeconds),
    });
    this.waitCondition.addResourceDependency(this.instance);
  }
}

const bootIds = new Map<string, string>();

/** Short hash of an image id for the wait condition's logical id (memoized: most nodes share an image). */
function bootIdOf(imageId: string): string {
  let id = bootIds.get(imageId);
  if (id === undefined) {
    id = createHash('sha256').update(imageId).digest('hex').slice(0, 8);
    bootIds.set(imageId, id);
  }
  return id;
}

/** Root, non-data EBS and instance-store volumes, mapped at launch (they live and die with the instance). */
export function blockDeviceMappings(shared: Pick<NodeSharedSettings, 'volumes' | 'kmsKeyId'>): ec2.CfnInstance.BlockDeviceMappingProperty[] {
  const mappings: ec2.CfnInstance.BlockDeviceMappingProperty[] = [];
  for (const volume of shared.volumes) {
    if (volume.kind === 'ephemeral') {
      mappings.push({ deviceName: volume.deviceName!, virtualName: volume.virtualName });
    } else if (volume.kind === 'root' || volume.kind === 'mapped') {
      mappings.push({ deviceName: volume.deviceName!, ebs: ebsBlockDevice(volume, shared.kmsKeyId) });
    }
  }
  return mappings;
}
