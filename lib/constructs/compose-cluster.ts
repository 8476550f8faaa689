/**
 * `ComposeCluster`: the cluster of a cloud-compose.yml as CDK resources.
 */
import * as path from 'path';
import { Annotations, CfnResource, NestedStack, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConfigError, ConfigProblem, LoadedConfig, loadConfig } from '../config';
import { ComposeAutoScalingGroup } from './compose-auto-scaling-group';
import { ComposeClusterFromFileOptions, ComposeClusterProps } from './compose-cluster-props';
import { blockDeviceMappings, ComposeNode, NodeSharedSettings } from './compose-node';
import { launchChanges, NodeLaunchRecord, stableHash } from './launch-record';
import { ImageLockFile, LOCK_FILE_NAME, lockTargetKey } from './image-lock-file';
import { lookupImage } from './image-lookup';
import { acknowledgeInherentFindings } from './inherent-findings';
import { ipProblemInSubnet, parseIpv4 } from './ipv4';
import { nearestRetention } from './log-retention';
import { defaultNodeUserData } from './node-user-data';
import { omittedFromContext } from './omitted-instances';
import { signalTimeoutSeconds } from './signal-timeout';
import { SubnetInfo, subnetFromLookup, subnetFromVpc, subnetIdsOf } from './subnet-info';
import { RESERVED_TAG_KEYS, userTags } from './tags';
import { planVolumes, PlannedVolume } from './volume-plan';

/** CloudFormation's limit of resources per stack. */
export const MAX_RESOURCES_PER_STACK = 500;

/** Command users run to move a node to the newest image (named in warnings). */
export const UPGRADE_COMMAND = 'compose-cluster upgrade-node';

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

    const problems: ConfigProblem[] = [];
    const problem = (keyPath: string, message: string) =>
      problems.push({ file: config.file, path: `cluster.${keyPath}`, message, severity: 'error' });

    if (!aws.nodes?.length && !aws.asg) problem('aws', 'needs `nodes` (fixed-IP nodes) or `asg` (an Auto Scaling group)');
    if (aws.nodes?.length && aws.asg) problem('aws', 'has both `nodes` and `asg`; a cluster is either fixed-IP nodes or an Auto Scaling group');

    const volumePlan = planVolumes(aws.volumes, {
      rootDeviceName: props.rootDeviceName ?? '/dev/xvda',
      encryptByDefault: aws.encrypted,
      defaultVolumeType: 'gp3',
    });
    for (const [keyPath, message] of volumePlan.problems) problem(`aws.${keyPath}`, message);
    if (aws.nodes?.length) {
      for (const volume of volumePlan.volumes) {
        if ((volume.kind === 'root' || volume.kind === 'mapped') && volume.config.throughput !== undefined) {
          problem(`aws.volumes[${volume.index}].throughput`, `AWS::EC2::Instance cannot set the throughput of a ${volume.kind === 'root' ? 'root' : 'block-device-mapped'} volume; only volumes with a mount (standalone data volumes) and Auto Scaling group volumes take it`);
        }
      }
    }

    let timeoutSeconds = 0;
    try {
      timeoutSeconds = signalTimeoutSeconds(cluster.signal_timeout);
    } catch (error) {
      problem('signal_timeout', (error as Error).message.replace(/^signal_timeout: /, ''));
    }

    for (const key of RESERVED_TAG_KEYS) {
      if (key in aws.tags) {
        Annotations.of(this).addWarningV2(`compose-cluster:reservedTag${key}`, `aws.tags.${key} is ignored: the cluster sets ${key} itself (ClusterName=<name>, Name=<name>-<node id>)`);
      }
    }

    const subnets = aws.nodes?.length ? this.resolveSubnets(props, problem) : new Map<string, SubnetInfo>();

    if (props.nodesPerStack !== undefined) {
      if (!Number.isInteger(props.nodesPerStack) || props.nodesPerStack < 1) problem('aws.nodes', `nodesPerStack must be a positive integer, got ${props.nodesPerStack}`);
      (aws.nodes ?? []).forEach((node, index) => {
        if (!/^\d+$/.test(String(node.id))) problem(`aws.nodes[${index}].id`, `nodesPerStack places nodes by integer id, but this id is "${node.id}"; use integer ids or leave nodesPerStack unset`);
      });
    }
    const perNode = resourcesPerNode(volumePlan.volumes);
    const nodeCount = aws.nodes?.length ?? 0;
    const eipCount = (aws.nodes ?? []).filter((node) => node.eip).length;
    if (props.nodesPerStack === undefined && nodeCount * perNode + eipCount > MAX_RESOURCES_PER_STACK - 10) {
      const fits = Math.max(1, Math.floor((MAX_RESOURCES_PER_STACK - 10) / (perNode + 1)));
      problem(
        'aws.nodes',
        `${nodeCount} nodes need about ${nodeCount * perNode + eipCount} resources (${perNode} per node), over CloudFormation's ${MAX_RESOURCES_PER_STACK} per stack. ` +
          `Set the ComposeCluster prop nodesPerStack (at most ${fits}) to place nodes in nested stacks by id before the first deploy, or split the nodes over several clusters/stacks`,
      );
    } else if (props.nodesPerStack !== undefined && props.nodesPerStack * (perNode + 1) > MAX_RESOURCES_PER_STACK) {
      problem('aws.nodes', `nodesPerStack ${props.nodesPerStack} x ${perNode + 1} resources per node exceeds ${MAX_RESOURCES_PER_STACK} per stack; use at most ${Math.floor(MAX_RESOURCES_PER_STACK / (perNode + 1))}`);
    }

    let retention: logs.RetentionDays | undefined;
    const logging = cluster.logging;
    if (logging?.driver === 'awslogs') {
      const days = logging.meta?.retention ?? 30;
      try {
        const nearest = nearestRetention(days);
        retention = nearest.retention;
        if (!nearest.exact) {
          Annotations.of(this).addWarningV2('compose-cluster:logRetention', `logging.meta.retention ${days} is not a CloudWatch Logs retention period; using the nearest one, ${nearest.retention} days`);
        }
      } catch (error) {
        problem('logging.meta.retention', (error as Error).message);
      }
    }

    let instancePolicy: Record<string, unknown> | undefined;
    if (typeof aws.instance_policy === 'string') {
      try {
        instancePolicy = JSON.parse(aws.instance_policy) as Record<string, unknown>;
      } catch (error) {
        problem('aws.instance_policy', `not valid JSON (${(error as Error).message}); give an IAM policy document as JSON text or as a YAML map`);
      }
    } else {
      instancePolicy = aws.instance_policy;
    }

    if (problems.length > 0) throw new ConfigError(problems);

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
    if (aws.asg) {
      const dataVolumes = volumePlan.volumes.filter((volume) => volume.kind === 'data').map((volume) => volume.config.name);
      if (dataVolumes.length > 0) {
        Annotations.of(this).addWarningV2('compose-cluster:asgDataVolumes', `ASG mode maps every volume at launch: the data on ${dataVolumes.join(', ')} lives and dies with each instance. Use aws.nodes for data that must survive`);
      }
      this.nodes = [];
      this.nodeStacks = [];
      this.autoScalingGroup = new ComposeAutoScalingGroup(this, 'AutoScalingGroup', {
        config,
        asg: aws.asg,
        shared,
        monitoring: aws.monitoring,
        imageId: lookupImage(this, aws.ami, aws.ami_owners).imageId,
        userData: (imageId) => userData({ config, nodeId: cluster.name, imageId, env: props.templateEnv, volumeIds: {} }),
      });
      acknowledgeInherentFindings(this);
      return;
    }

    const { images, lock, target } = this.resolveNodeImages(props);
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
      const { imageId, unprotect } = images.get(nodeId)!;
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
          userData: (signalUrl, volumeIds) => userData({ config, nodeId: node.id, imageId: imageId!, env: props.templateEnv, signalUrl, volumeIds }),
        }),
      );
    }
    this.nodes = nodes;
    this.nodeStacks = [...nodeStacks.values()];
    if (lock) {
      this.checkLaunchRecords(lock, target, shared, props.updateLockFile !== false);
      lock.save();
    }
    acknowledgeInherentFindings(this);
  }

  /** The node with this id; throws when there is none. */
  public nodeById(nodeId: string | number): ComposeNode {
    const found = this.nodes.find((node) => node.nodeId === String(nodeId));
    if (!found) throw new Error(`cluster ${this.clusterName} has no node "${nodeId}" (nodes: ${this.nodes.map((node) => node.nodeId).join(', ')})`);
    return found;
  }

  /** AZ and CIDR of every node subnet; adds a problem for each subnet or IP that cannot work. */
  private resolveSubnets(props: ComposeClusterProps, problem: (keyPath: string, message: string) => void): Map<string, SubnetInfo> {
    const nodes = props.config.cluster.aws.nodes ?? [];
    const subnets = new Map<string, SubnetInfo>();
    const seenIps = new Map<string, number>();
    const seenIds = new Map<string, number>();
    nodes.forEach((node, index) => {
      const at = `aws.nodes[${index}]`;
      const nodeId = String(node.id);
      if (seenIds.has(nodeId)) problem(`${at}.id`, `node id ${nodeId} is also used by aws.nodes[${seenIds.get(nodeId)}]; ids must be unique`);
      seenIds.set(nodeId, index);
      if (parseIpv4(node.ip) === undefined) {
        problem(`${at}.ip`, `"${node.ip}" is not an IPv4 address (e.g. 10.0.1.10)`);
        return;
      }
      if (seenIps.has(node.ip)) problem(`${at}.ip`, `${node.ip} is also the IP of aws.nodes[${seenIps.get(node.ip)}]; every node needs its own`);
      seenIps.set(node.ip, index);

      let subnet = subnets.get(node.subnet);
      if (!subnet) {
        if (props.vpc) {
          subnet = subnetFromVpc(props.vpc, node.subnet);
          if (!subnet) {
            problem(`${at}.subnet`, `subnet ${node.subnet} is not a subnet of the given vpc (its subnets: ${subnetIdsOf(props.vpc).join(', ') || 'none'})`);
            return;
          }
        } else {
          if (Token.isUnresolved(Stack.of(this).account) || Token.isUnresolved(Stack.of(this).region)) {
            problem(`${at}.subnet`, `the availability zone of ${node.subnet} is needed for the node's data volumes: pass the \`vpc\` prop, or give the stack an env with account and region so the subnet can be looked up`);
            return;
          }
          subnet = subnetFromLookup(this, node.subnet);
        }
        subnets.set(node.subnet, subnet);
      }
      if (subnet.cidrBlock) {
        const ipProblem = ipProblemInSubnet(node.ip, subnet.cidrBlock);
        if (ipProblem) problem(`${at}.ip`, `${ipProblem} (subnet ${node.subnet})`);
      }
    });
    return subnets;
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

  /**
   * The image of every node that keeps its instance: its pin from the lock file,
   * or (first synth of the node) the resolved `aws.ami`, which is then pinned.
   */
  private resolveNodeImages(props: ComposeClusterProps): { images: Map<string, { imageId?: string; unprotect: boolean }>; lock?: ImageLockFile; target: string } {
    const { cluster } = props.config;
    const stack = Stack.of(this);
    const target = lockTargetKey(
      Token.isUnresolved(stack.account) ? 'unknown-account' : stack.account,
      Token.isUnresolved(stack.region) ? 'unknown-region' : stack.region,
      cluster.name,
    );
    const lockPath = props.lockFile === false ? undefined : props.lockFile ?? path.join(path.dirname(props.config.file), LOCK_FILE_NAME);
    const lock = lockPath ? ImageLockFile.read(lockPath) : undefined;
    const omitted = new Set([...omittedFromContext(this, cluster.name), ...(props.omitInstances ?? []).map(String)]);
    const nodeIds = (cluster.aws.nodes ?? []).map((node) => String(node.id));
    for (const omit of omitted) {
      if (!nodeIds.includes(omit)) Annotations.of(this).addWarningV2('compose-cluster:omitUnknownNode', `omit-instance names node "${omit}", which cluster ${cluster.name} does not have (nodes: ${nodeIds.join(', ')})`);
    }

    let resolved: { imageId: string; pending: boolean } | undefined;
    const images = new Map<string, { imageId?: string; unprotect: boolean }>();
    for (const nodeId of nodeIds) {
      const entry = lock?.entry(target, nodeId) ?? {};
      const unprotect = Boolean(entry.unprotect);
      if (entry.omitInstance) {
        images.set(nodeId, { unprotect });
        continue;
      }
      if (omitted.has(nodeId)) {
        images.set(nodeId, { unprotect });
        // The instance is going away: the next one records its own launch settings.
        if (lock && entry.launch && props.updateLockFile !== false) lock.setEntry(target, nodeId, { ...entry, launch: undefined });
        if (cluster.aws.terminate_protection) {
          Annotations.of(this).addWarningV2(
            `compose-cluster:omitProtected${nodeId}`,
            `node ${nodeId}'s instance is left out, but aws.terminate_protection is on: CloudFormation cannot delete a protected instance. Deploy with its protection off first (${UPGRADE_COMMAND} --node ${nodeId} does both steps)`,
          );
        }
        continue;
      }
      if (entry.image) {
        images.set(nodeId, { imageId: entry.image.imageId, unprotect });
        if (entry.image.ami !== cluster.aws.ami) {
          Annotations.of(this).addWarningV2(
            `compose-cluster:pinnedImage${nodeId}`,
            `node ${nodeId} stays on ${entry.image.imageId} (pinned from aws.ami "${entry.image.ami}" in ${lockPath}); aws.ami is now "${cluster.aws.ami}". To move the node: ${UPGRADE_COMMAND} --node ${nodeId}`,
          );
        }
        continue;
      }
      resolved ??= lookupImage(this, cluster.aws.ami, cluster.aws.ami_owners);
      images.set(nodeId, { imageId: resolved.imageId, unprotect });
      if (!resolved.pending && lock && props.updateLockFile !== false) {
        lock.setEntry(target, nodeId, { ...entry, image: { imageId: resolved.imageId, ami: cluster.aws.ami, pinnedAt: new Date().toISOString() } });
      }
    }
    return { images, lock, target };
  }

  /**
   * Records what each node's instance is launched with, and warns when the
   * template now differs from the record in a way that restarts the node or
   * needs a replacement CloudFormation cannot do in place.
   */
  private checkLaunchRecords(lock: ImageLockFile, target: string, shared: NodeSharedSettings, update: boolean): void {
    const blockDevices = stableHash(JSON.stringify(blockDeviceMappings(shared)));
    for (const node of this.nodes) {
      const entry = lock.entry(target, node.nodeId);
      if (!node.instance || !node.userDataText || !entry.image) continue;
      const current: NodeLaunchRecord = {
        instanceType: shared.instanceType,
        ...(shared.keyName ? { keyName: shared.keyName } : {}),
        ebsOptimized: shared.ebsOptimized,
        blockDevices,
        userData: stableHash(node.userDataText),
      };
      if (!entry.launch) {
        if (update) lock.setEntry(target, node.nodeId, { ...entry, launch: current });
        continue;
      }
      const { restart, replace } = launchChanges(entry.launch, current);
      const how = `apply it node by node with ${UPGRADE_COMMAND} --node ${node.nodeId} --keep-image (or, after deploying it anyway, record it with --accept)`;
      if (replace.length > 0) {
        Annotations.of(this).addWarningV2(
          `compose-cluster:launchReplace${node.nodeId}`,
          `node ${node.nodeId}: ${replace.join(', ')} changed since its instance was created; CloudFormation would have to replace the instance, which fails while its fixed IP is in use: ${how}`,
        );
      }
      if (restart.length > 0) {
        Annotations.of(this).addWarningV2(
          `compose-cluster:launchRestart${node.nodeId}`,
          `node ${node.nodeId}: ${restart.join(', ')} changed since its instance was created; a deploy stops and starts it (every such node at once) and does not run user data again: ${how}`,
        );
      }
    }
  }
}

/** Resources one node adds to its stack (EIP associations counted separately). */
export function resourcesPerNode(volumes: readonly PlannedVolume[]): number {
  const dataVolumes = volumes.filter((volume) => volume.kind === 'data').length;
  // network interface, instance, wait-condition handle, wait condition, data volumes
  return 4 + dataVolumes;
}
