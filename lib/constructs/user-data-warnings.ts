/**
 * Warnings raised while building the nodes' user data (e.g. compose services
 * that will not start), shown as synth warnings with the stable id
 * `compose-cluster:user-data`: on the node's instance (or the ASG's launch
 * template), or once on the cluster when every node of several raised it.
 */
import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

export const USER_DATA_WARNING_ID = 'compose-cluster:user-data';

/** A node whose user data was built, and the construct its warnings belong on. */
export interface UserDataWarningTarget {
  readonly nodeId: string;
  readonly scope: IConstruct;
}

export class UserDataWarnings {
  private readonly byNode = new Map<string, Set<string>>();

  /** The `warn` callback for the user data of `nodeId`. */
  public collectorFor(nodeId: string): (message: string) => void {
    return (message) => {
      const messages = this.byNode.get(nodeId) ?? new Set<string>();
      this.byNode.set(nodeId, messages.add(message));
    };
  }

  /**
   * Adds the collected warnings: one that every target raised (two or more
   * targets) once on `cluster`, prefixed `every node: `; the others on their
   * target (whose construct path names the node).
   */
  public annotate(cluster: IConstruct, targets: readonly UserDataWarningTarget[]): void {
    const everyNode = (message: string) => targets.length > 1 && targets.every((target) => this.byNode.get(target.nodeId)?.has(message));
    const shared = new Set([...this.byNode.values()].flatMap((messages) => [...messages]).filter(everyNode));
    for (const message of shared) Annotations.of(cluster).addWarningV2(USER_DATA_WARNING_ID, `every node: ${message}`);
    for (const target of targets) {
      for (const message of this.byNode.get(target.nodeId) ?? []) {
        if (!shared.has(message)) Annotations.of(target.scope).addWarningV2(USER_DATA_WARNING_ID, message);
      }
    }
  }
}
