/**
 * `--node ID` as `build` and `user-data` read it: the id as the config writes
 * it (`--node 1` matches `id: 1`, a number; `--node a` matches `id: a`).
 */
import { LoadedConfig } from '../../lib/config';
import { UsageError } from './command';

/**
 * The id of the listed node `requested` names; undefined for an ASG cluster
 * (it lists no nodes).
 * @throws UsageError when the cluster lists nodes and none has that id
 */
export function listedNodeId(config: LoadedConfig, requested: string): string | number | undefined {
  const nodes = config.cluster.aws.nodes ?? [];
  if (nodes.length === 0) return undefined;
  const node = nodes.find((candidate) => String(candidate.id) === requested);
  if (!node) throw new UsageError(`no node "${requested}" in ${config.file}: expected one of ${nodeIdList(config)}`);
  return node.id;
}

/** The listed node ids, comma-separated, for messages. */
export function nodeIdList(config: LoadedConfig): string {
  return (config.cluster.aws.nodes ?? []).map((node) => String(node.id)).join(', ');
}
