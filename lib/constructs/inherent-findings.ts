/**
 * Acknowledgements of the validator and cdk-nag findings that follow from the
 * cluster's design, each with the reason. Findings that depend on the config
 * (detailed monitoring) are acknowledged only when the config causes them.
 */
import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type { ComposeCluster } from './compose-cluster';

/** Reasons, exported for the docs and for tests that check every acknowledgement has one. */
export const INHERENT_FINDING_REASONS = {
  detailedMonitoring:
    'Detailed (1-minute) monitoring follows aws.detailed_monitoring in cloud-compose.yml, which defaults to false as in the original cloud-compose tool because it is billed per instance; basic 5-minute EC2 metrics are still collected. Set aws.detailed_monitoring: true to turn it on.',
  logStreams:
    "The Docker awslogs driver creates one log stream per container at run time, under names not known at synth time; the wildcard only covers log streams inside the cluster's own log group (log-group:<name>:*), for CreateLogStream, PutLogEvents and DescribeLogStreams.",
  pinnedImage:
    'The image id is pinned per node on purpose (cloud-compose.lock.json, resolved once through the lookup cached in cdk.context.json): a fixed-IP instance cannot be replaced in place, so its image must never change implicitly through a parameter or SSM alias; a node moves to a new image only with compose-cluster upgrade-node.',
  volumeZone:
    "A data volume must sit in its node's availability zone and exists independently of the instance (it outlives instance replacements), so it cannot take the zone from the instance; the zone is that of the node's subnet, from the vpc prop or the cached subnet lookup.",
} as const;

/**
 * Acknowledges the findings {@link INHERENT_FINDING_REASONS} explains, once per
 * rule on the cluster construct (an acknowledgement covers the construct's
 * subtree): they hold for every node by design, and one acknowledgement per
 * resource would cost a captured stack trace each, which dominates the synth
 * time of large clusters.
 */
export function acknowledgeInherentFindings(cluster: ComposeCluster): void {
  const { aws } = cluster.config.cluster;
  const hasInstances = cluster.nodes.some((node) => node.instance);
  const hasDataVolumes = cluster.nodes.some((node) => Object.keys(node.dataVolumes).length > 0);
  const rules: { id: string; reason: string }[] = [];
  if (hasInstances) {
    rules.push({ id: 'CloudFormation-Validate::W9010', reason: INHERENT_FINDING_REASONS.pinnedImage });
    if (!aws.detailed_monitoring) rules.push({ id: 'AwsSolutions-EC28', reason: INHERENT_FINDING_REASONS.detailedMonitoring });
  }
  if (hasDataVolumes) rules.push({ id: 'CloudFormation-Validate::W3010', reason: INHERENT_FINDING_REASONS.volumeZone });
  if (rules.length > 0) Validations.of(cluster).acknowledge(...rules);
  if (cluster.logGroup) {
    const logGroup = cluster.logGroup.node.defaultChild as CfnElement;
    const logicalId = Stack.of(logGroup).getLogicalId(logGroup);
    // The policy lives on the role the cluster made, or on its InstancePolicy for a role passed in.
    const policyHolder = cluster.node.tryFindChild('Role') ?? cluster.node.tryFindChild('InstancePolicy');
    if (policyHolder) {
      Validations.of(policyHolder).acknowledge({ id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`, reason: INHERENT_FINDING_REASONS.logStreams });
    }
  }
}
