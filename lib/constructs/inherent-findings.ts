/**
 * Acknowledgements of the validator and cdk-nag findings that follow from the
 * cluster's design or from an explicit choice in the config, each with the
 * reason. Findings that depend on the config are acknowledged only when the
 * config causes them, and only on the resources concerned.
 */
import { CfnElement, Stack, Validations } from 'aws-cdk-lib';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
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
  terminationProtectionOff:
    'Termination protection (DisableApiTermination) follows aws.terminate_protection in cloud-compose.yml, which defaults to true; this config sets it to false, an explicit choice the original cloud-compose tool honoured the same way (e.g. for test clusters that are torn down often). Remove the key or set it to true to protect the instances.',
  upgradeInProgress:
    'Termination protection is off on this node only because a two-step replacement is in progress: compose-cluster upgrade-node step 0 recorded unprotect for the node in cloud-compose.lock.json, since CloudFormation cannot delete a protected instance in the next step. That step removes the instance and clears the mark; the node comes back with aws.terminate_protection.',
  instanceStore:
    'The rule checks EBS encryption and cannot read an instance-store mapping (VirtualName, no Ebs: the rule throws), so it is acknowledged only where such a mapping exists and compose-cluster has checked that every EBS mapping of the resource is encrypted. An instance-store volume is not EBS and cannot take EBS encryption; on Nitro instance types its NVMe instance storage is encrypted at rest by the hardware (XTS-AES-256), and its data lives and dies with the instance.',
  scalingNotifications:
    'The Auto Scaling group has a fixed size (min = max = desired: subnets x redundancy); it never scales, it only replaces unhealthy instances (ELB health checks with aws.asg.elbs) and rolls instances on updates, which CloudFormation reports as stack events. The original cloud-compose tool configured no notifications either. To be notified, add NotificationConfigurations to cluster.autoScalingGroup.group in your own CDK code.',
} as const;

/**
 * Acknowledges the findings {@link INHERENT_FINDING_REASONS} explains. A
 * finding that holds for every node is acknowledged once per rule on the
 * cluster construct (an acknowledgement covers the construct's subtree): one
 * acknowledgement per resource would cost a captured stack trace each, which
 * dominates the synth time of large clusters. A finding that holds for some
 * resources only is acknowledged on each of them.
 */
export function acknowledgeInherentFindings(cluster: ComposeCluster): void {
  const { aws } = cluster.config.cluster;
  const instances = cluster.nodes.flatMap((node) => (node.instance ? [node.instance] : []));
  const hasDataVolumes = cluster.nodes.some((node) => Object.keys(node.dataVolumes).length > 0);
  const rules: { id: string; reason: string }[] = [];
  if (instances.length > 0) {
    rules.push({ id: 'CloudFormation-Validate::W9010', reason: INHERENT_FINDING_REASONS.pinnedImage });
    if (!aws.detailed_monitoring) rules.push({ id: 'AwsSolutions-EC28', reason: INHERENT_FINDING_REASONS.detailedMonitoring });
    // EC29 (termination protection) is only about instances: with the config's protection off, that is every one.
    if (!aws.terminate_protection) rules.push({ id: 'AwsSolutions-EC29', reason: INHERENT_FINDING_REASONS.terminationProtectionOff });
  }
  if (hasDataVolumes) rules.push({ id: 'CloudFormation-Validate::W3010', reason: INHERENT_FINDING_REASONS.volumeZone });
  if (rules.length > 0) Validations.of(cluster).acknowledge(...rules);

  for (const instance of instances) {
    // With aws.terminate_protection on, an instance is unprotected only by the lock file's `unprotect` mark.
    if (aws.terminate_protection && instance.disableApiTermination === false) {
      Validations.of(instance).acknowledge({ id: 'AwsSolutions-EC29', reason: INHERENT_FINDING_REASONS.upgradeInProgress });
    }
    if (onlyInstanceStoreUnreadable(instance.blockDeviceMappings)) {
      Validations.of(instance).acknowledge({ id: 'AwsSolutions-EC26', reason: INHERENT_FINDING_REASONS.instanceStore });
    }
  }

  const asg = cluster.autoScalingGroup;
  if (asg) {
    const acks: { id: string; reason: string }[] = [{ id: 'AwsSolutions-AS3', reason: INHERENT_FINDING_REASONS.scalingNotifications }];
    // EC26 reports the launch template's mappings on the group that uses it.
    const templateData = asg.launchTemplate.launchTemplateData as ec2.CfnLaunchTemplate.LaunchTemplateDataProperty;
    if (onlyInstanceStoreUnreadable(templateData.blockDeviceMappings)) acks.push({ id: 'AwsSolutions-EC26', reason: INHERENT_FINDING_REASONS.instanceStore });
    Validations.of(asg.group).acknowledge(...acks);
  }

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

/**
 * Whether `mappings` (the block-device mappings of an instance or a launch
 * template) hold an instance-store volume (a mapping without `ebs`, on which
 * EC26 throws) while every EBS mapping is encrypted: only then is there
 * nothing for EC26 to find. An unencrypted or unresolved EBS mapping leaves
 * the finding open.
 */
export function onlyInstanceStoreUnreadable(mappings: unknown): boolean {
  if (!Array.isArray(mappings)) return false;
  const list = mappings as { ebs?: { encrypted?: unknown } }[];
  const ebs = list.filter((mapping) => mapping.ebs !== undefined);
  return ebs.length < list.length && ebs.every((mapping) => mapping.ebs?.encrypted === true);
}
