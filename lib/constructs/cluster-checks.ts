/**
 * Everything about a cluster's config that can be wrong for CloudFormation,
 * checked before any resource is made: volumes, signal timeout, node subnets and
 * IPs, stack size, log retention, the instance policy. Every problem is
 * collected and thrown at once as a ConfigError; smaller surprises become
 * warnings on the cluster.
 */
import { Annotations, Stack, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConfigError, ConfigProblem, instancePolicyProblem } from '../config';
import { ComposeClusterProps } from './compose-cluster-props';
import { ipProblemInSubnet, parseIpv4 } from './ipv4';
import { nearestRetention } from './log-retention';
import { signalTimeoutSeconds } from './signal-timeout';
import { SubnetInfo, subnetFromLookup, subnetFromVpc, subnetIdsOf } from './subnet-info';
import { explicitRootDevice, warnAssumedRootDevice } from './root-device';
import { RESERVED_TAG_KEYS } from './tags';
import { PlannedVolume, planVolumes, VolumePlan } from './volume-plan';

/** CloudFormation's limit of resources per stack. */
export const MAX_RESOURCES_PER_STACK = 500;

/** What the checks worked out on the way. */
export interface CheckedCluster {
  readonly volumePlan: VolumePlan;
  readonly timeoutSeconds: number;
  /**
   * Log-group retention, for `logging.driver: awslogs`.
   * @default - none: no log group (another logging driver)
   */
  readonly retention?: logs.RetentionDays;
  /**
   * `aws.instance_policy` as a document.
   * @default - none: no instance policy configured
   */
  readonly instancePolicy?: Record<string, unknown>;
  /** AZ and CIDR of every node subnet. */
  readonly subnets: Map<string, SubnetInfo>;
}

/** Checks the cluster's config; throws one ConfigError listing every problem. */
export function checkCluster(scope: Construct, props: ComposeClusterProps): CheckedCluster {
  const { config } = props;
  const { cluster } = config;
  const aws = cluster.aws;
  const problems: ConfigProblem[] = [];
  const problem = (keyPath: string, message: string) =>
    problems.push({ file: config.file, path: `cluster.${keyPath}`, message, severity: 'error' });

  if (!aws.nodes?.length && !aws.asg) problem('aws', 'needs `nodes` (fixed-IP nodes) or `asg` (an Auto Scaling group)');
  if (aws.nodes?.length && aws.asg) problem('aws', 'has both `nodes` and `asg`; a cluster is either fixed-IP nodes or an Auto Scaling group');

  const rootDeviceName = explicitRootDevice(props.rootDeviceName, aws);
  const volumePlan = planVolumes(aws.volumes, {
    rootDeviceName,
    encryptByDefault: aws.encrypted,
    defaultVolumeType: 'gp3',
  });
  for (const [keyPath, message] of volumePlan.problems) problem(`aws.${keyPath}`, message);
  warnAssumedRootDevice(scope, aws, rootDeviceName, volumePlan.volumes);
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
      Annotations.of(scope).addWarningV2(`compose-cluster:reservedTag${key}`, `aws.tags.${key} is ignored: the cluster sets ${key} itself (ClusterName=<name>, Name=<name>-<node id>)`);
    }
  }

  const subnets = aws.nodes?.length ? resolveSubnets(scope, props, problem) : new Map<string, SubnetInfo>();

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
        Annotations.of(scope).addWarningV2('compose-cluster:logRetention', `logging.meta.retention ${days} is not a CloudWatch Logs retention period; using the nearest one, ${nearest.retention} days`);
      }
    } catch (error) {
      problem('logging.meta.retention', (error as Error).message);
    }
  }

  let instancePolicy: Record<string, unknown> | undefined;
  if (aws.instance_policy !== undefined) {
    const policyProblem = instancePolicyProblem(aws.instance_policy);
    if (policyProblem) problem('aws.instance_policy', policyProblem);
    else instancePolicy = typeof aws.instance_policy === 'string' ? (JSON.parse(aws.instance_policy) as Record<string, unknown>) : aws.instance_policy;
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return { volumePlan, timeoutSeconds, retention, instancePolicy, subnets };
}

/** AZ and CIDR of every node subnet; adds a problem for each subnet or IP that cannot work. */
function resolveSubnets(scope: Construct, props: ComposeClusterProps, problem: (keyPath: string, message: string) => void): Map<string, SubnetInfo> {
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
        if (Token.isUnresolved(Stack.of(scope).account) || Token.isUnresolved(Stack.of(scope).region)) {
          problem(`${at}.subnet`, `the availability zone of ${node.subnet} is needed for the node's data volumes: pass the \`vpc\` prop, or give the stack an env with account and region so the subnet can be looked up`);
          return;
        }
        subnet = subnetFromLookup(scope, node.subnet);
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

/** Resources one node adds to its stack (EIP associations counted separately). */
export function resourcesPerNode(volumes: readonly PlannedVolume[]): number {
  const dataVolumes = volumes.filter((volume) => volume.kind === 'data').length;
  // network interface, instance, wait-condition handle, wait condition, data volumes
  return 4 + dataVolumes;
}
