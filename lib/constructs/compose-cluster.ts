/**
 * `ComposeCluster`: the cluster of a cloud-compose.yml as CDK resources.
 */
import * as path from 'path';
import { Annotations, CfnResource, NestedStack, RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { LoadedConfig, loadConfig } from '../config';
import { checkCluster } from './cluster-checks';
import { ComposeAutoScalingGroup } from './compose-auto-scaling-group';
import { ComposeClusterFromFileOptions, ComposeClusterProps } from './compose-cluster-props';
import { ComposeNode, NodeSharedSettings } from './compose-node';
import { guardDataVolumes } from './data-volume-guard';
import { lookupImage } from './image-lookup';
import { acknowledgeInherentFindings } from './inherent-findings';
import { NodeImagePins } from './node-image-pins';
import { defaultNodeUserData } from './node-user-data';
import { userTags } from './tags';
import { UserDataWarnings } from './user-data-warnings';

/**
 * A cluster of fixed-IP EC2 nodes (or an Auto Scaling group) described by a
 * cloud-compose.yml `cluster:` section.
 *
 * Each node is a network interface holding its fixed IP, standalone data volumes
 * that outlive the instance, and an instance booting the image pinned for that
 * node in the lock file.
 */
export class ComposeCluster extends Construct implements ec2.IConnectable, iam.IGrantable {
  /** Reads and validates `file` (a cloud-compose.yml) and builds its cluster. */
  public static fromFile(scope: Construct, id: string, file: string, options: ComposeClusterFromFileOptions = {}): ComposeCluster {
    const { env, ...rest } = options;
    const config = loadConfig({ file: path.resolve(file), env });
    return new ComposeCluster(scope, id, { ...rest, config });
  }

  /** The config the cluster was built from. */
  public readonly config: LoadedConfig;
  /** The cluster name (`name`). */
  public readonly clusterName: string;
  /** The fixed-IP nodes, in config order (empty in ASG mode). */
  public readonly nodes: readonly ComposeNode[];
  /** The nodes' security groups. */
  public readonly connections: ec2.Connections;
  /** The instances' role. */
  public readonly role: iam.IRole;
  /** The instances' role, to grant permissions to. */
  public readonly grantPrincipal: iam.IPrincipal;
  /** The instance profile of `role`. */
  public readonly instanceProfile: iam.CfnInstanceProfile;
  /** The log group, for `logging.driver: awslogs`. */
  public readonly logGroup?: logs.LogGroup;
  /** The Auto Scaling group, in ASG mode (`aws.asg`). */
  public readonly autoScalingGroup?: ComposeAutoScalingGroup;
  /** Nested stacks holding nodes, when `nodesPerStack` is set. */
  public readonly nodeStacks: readonly NestedStack[];

  constructor(scope: Construct, id: string, props: ComposeClusterProps) {
    super(scope, id);
    const { config } = props;
    const { cluster } = config;
    const aws = cluster.aws;
    this.config = config;
    this.clusterName = cluster.name;

    const { volumePlan, timeoutSeconds, retention, instancePolicy, subnets } = checkCluster(this, props);

    // Security groups: the config's ids and the prop's objects; no rule is added here.
    const configGroupIds = (typeof aws.security_groups === 'string' ? aws.security_groups.split(',') : aws.security_groups ?? [])
      .map((groupId) => groupId.trim())
      .filter(Boolean);
    const securityGroups = [
      ...configGroupIds.map((groupId, index) => ec2.SecurityGroup.fromSecurityGroupId(this, `SecurityGroup${index}`, groupId)),
      ...(props.securityGroups ?? []),
    ];
    this.connections = new ec2.Connections({ securityGroups });
    if (securityGroups.length === 0) {
      Annotations.of(this).addWarningV2('compose-cluster:noSecurityGroups', 'no security groups (aws.security_groups or the securityGroups prop): the nodes get their VPC\'s default security group');
    }

    // Logs first: a new role carries its permissions inline, so instances never boot before them.
    if (retention !== undefined) {
      this.logGroup = new logs.LogGroup(this, 'LogGroup', {
        logGroupName: cluster.logging?.meta?.group ?? cluster.name,
        retention,
        removalPolicy: RemovalPolicy.RETAIN, // logs are data: kept when the cluster is removed
      });
    }
    const { role, policyResource } = this.createRole(props, instancePolicy);
    this.role = role;
    this.grantPrincipal = role;
    this.instanceProfile = new iam.CfnInstanceProfile(this, 'InstanceProfile', { roles: [role.roleName] });

    const shared: NodeSharedSettings = {
      instanceType: aws.instance_type,
      keyName: aws.keypair,
      ebsOptimized: aws.ebs_optimized,
      detailedMonitoring: aws.detailed_monitoring,
      terminationProtection: aws.terminate_protection,
      sourceDestCheck: aws.source_dest_check,
      securityGroupIds: securityGroups.map((group) => group.securityGroupId),
      instanceProfileName: this.instanceProfile.ref,
      volumes: volumePlan.volumes,
      kmsKeyId: props.ebsEncryptionKey?.keyArn,
      metadataOptions: {
        httpEndpoint: 'enabled',
        httpTokens: aws.imdsv2 ? 'required' : 'optional',
        httpPutResponseHopLimit: aws.metadata_hop_limit,
      },
      userTags: userTags(aws.tags),
      clusterName: cluster.name,
      signalTimeoutSeconds: timeoutSeconds,
      instanceDependencies: policyResource ? [policyResource] : [],
    };

    const userData = props.userData ?? defaultNodeUserData;
    const userDataWarnings = new UserDataWarnings();
    if (aws.asg) {
      const dataVolumes = volumePlan.volumes.filter((volume) => volume.kind === 'data').map((volume) => volume.config.name);
      if (dataVolumes.length > 0) {
        Annotations.of(this).addWarningV2('compose-cluster:asgDataVolumes', `ASG mode maps every volume at launch: the data on ${dataVolumes.join(', ')} lives and dies with each instance. Use aws.nodes for data that must survive`);
      }
      // Volumes the lock file records for fixed-IP nodes would be deleted with them.
      const pins = NodeImagePins.resolve(this, props);
      guardDataVolumes(this, { lock: pins.lockTarget, configFile: config.file, nodes: [], volumes: volumePlan.volumes, kmsKeyId: shared.kmsKeyId, replaceVolumes: props.replaceVolumes });
      pins.save();
      this.nodes = [];
      this.nodeStacks = [];
      this.autoScalingGroup = new ComposeAutoScalingGroup(this, 'AutoScalingGroup', {
        config,
        asg: aws.asg,
        shared,
        monitoring: aws.monitoring,
        imageId: lookupImage(this, aws.ami, aws.ami_owners).imageId,
        userData: (imageId) => userData({ config, nodeId: cluster.name, imageId, env: props.templateEnv, volumeIds: {}, warn: userDataWarnings.collectorFor(cluster.name) }),
      });
      userDataWarnings.annotate(this, [{ nodeId: cluster.name, scope: this.autoScalingGroup.launchTemplate }]);
      acknowledgeInherentFindings(this);
      return;
    }

    const pins = NodeImagePins.resolve(this, props);
    const keptSnapshots = guardDataVolumes(this, {
      lock: pins.lockTarget,
      configFile: config.file,
      nodes: (aws.nodes ?? []).map((node, index) => ({ nodeId: String(node.id), index, availabilityZone: subnets.get(node.subnet)!.availabilityZone })),
      volumes: volumePlan.volumes,
      kmsKeyId: shared.kmsKeyId,
      replaceVolumes: props.replaceVolumes,
    });
    const nodeStacks = new Map<number, NestedStack>();
    const nodes: ComposeNode[] = [];
    for (const node of aws.nodes ?? []) {
      const nodeId = String(node.id);
      let parent: Construct = this;
      if (props.nodesPerStack !== undefined) {
        const group = Math.floor(Number(nodeId) / props.nodesPerStack);
        parent = nodeStacks.get(group) ?? nodeStacks.set(group, new NestedStack(this, `Nodes${group}`, { description: `${cluster.name} nodes ${group * props.nodesPerStack}-${(group + 1) * props.nodesPerStack - 1}` })).get(group)!;
      }
      const subnet = subnets.get(node.subnet)!;
      const { imageId, unprotect } = pins.planOf(nodeId);
      nodes.push(
        new ComposeNode(parent, `Node${nodeId}`, {
          shared,
          nodeId,
          privateIp: node.ip,
          subnetId: node.subnet,
          availabilityZone: subnet.availabilityZone,
          eipAllocationId: node.eip,
          imageId,
          unprotect,
          keptSnapshots: keptSnapshots.get(nodeId),
          userData: (signalUrl, volumeIds) =>
            userData({ config, nodeId: node.id, imageId: imageId!, env: props.templateEnv, signalUrl, volumeIds, warn: userDataWarnings.collectorFor(nodeId) }),
        }),
      );
    }
    this.nodes = nodes;
    userDataWarnings.annotate(this, nodes.flatMap((node) => (node.instance ? [{ nodeId: node.nodeId, scope: node.instance }] : [])));
    this.nodeStacks = [...nodeStacks.values()];
    pins.checkLaunches(this, nodes, shared);
    pins.save();
    acknowledgeInherentFindings(this);
  }

  /** The node with this id; throws when there is none. */
  public nodeById(nodeId: string | number): ComposeNode {
    const found = this.nodes.find((node) => node.nodeId === String(nodeId));
    if (!found) throw new Error(`cluster ${this.clusterName} has no node "${nodeId}" (nodes: ${this.nodes.map((node) => node.nodeId).join(', ')})`);
    return found;
  }

  /** The instances' role and, for an existing role, the policy resource instances must wait for. */
  private createRole(props: ComposeClusterProps, instancePolicy: Record<string, unknown> | undefined): { role: iam.IRole; policyResource?: CfnResource } {
    const documents: Record<string, iam.PolicyDocument> = {};
    if (instancePolicy !== undefined) documents.InstancePolicy = iam.PolicyDocument.fromJson(instancePolicy);
    if (this.logGroup) {
      documents.Logs = new iam.PolicyDocument({
        statements: [new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'], resources: [this.logGroup.logGroupArn, `${this.logGroup.logGroupArn}:*`] })],
      });
    }
    if (!props.role) {
      const role = new iam.Role(this, 'Role', {
        assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
        description: `Instances of compose cluster ${props.config.cluster.name}`,
        inlinePolicies: documents,
      });
      return { role };
    }
    const statements = Object.values(documents).flatMap((document) => (document.toJSON()?.Statement ?? []) as unknown[]);
    if (statements.length === 0) return { role: props.role };
    const attached = new iam.Policy(this, 'InstancePolicy', {
      document: iam.PolicyDocument.fromJson({ Version: '2012-10-17', Statement: statements }),
      roles: [props.role],
    });
    return { role: props.role, policyResource: attached.node.defaultChild as CfnResource };
  }
}
