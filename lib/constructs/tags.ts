import { CfnTag } from 'aws-cdk-lib';

/** A tag value as the original wrote it: Python's `str()` of the YAML value. */
export function tagValue(value: unknown): string {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null || value === undefined) return 'None';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Keys the cluster sets itself; the user's `aws.tags` cannot override them. */
export const RESERVED_TAG_KEYS = ['ClusterName', 'Name'] as const;

/**
 * Tags of every node resource: the user's `aws.tags`, then `ClusterName` and
 * `Name=<name>-<node id>` (which win over user tags of the same key).
 */
export function nodeTags(userTags: readonly CfnTag[], clusterName: string, name: string): CfnTag[] {
  return [...userTags, { key: 'ClusterName', value: clusterName }, { key: 'Name', value: name }];
}

/** `aws.tags` as CfnTags, without the reserved keys. */
export function userTags(tags: Record<string, unknown>): CfnTag[] {
  return Object.entries(tags)
    .filter(([key]) => !(RESERVED_TAG_KEYS as readonly string[]).includes(key))
    .map(([key, value]) => ({ key, value: tagValue(value) }));
}
