/**
 * Which nodes leave their instance out of the template (two-step replacement):
 * from the `compose-cluster:omit-instance` context, the construct prop, and the
 * lock file's `omitInstance` entries.
 */
import { Construct } from 'constructs';

/** Context key: `cdk deploy -c compose-cluster:omit-instance=1,2` (or `<cluster-name>/<node id>`). */
export const OMIT_INSTANCE_CONTEXT = 'compose-cluster:omit-instance';

/** Node ids named by the context for this cluster (`1` applies to every cluster, `name/1` to one). */
export function omittedFromContext(scope: Construct, clusterName: string): string[] {
  const raw: unknown = scope.node.tryGetContext(OMIT_INSTANCE_CONTEXT);
  if (raw === undefined || raw === null || raw === '') return [];
  const items = Array.isArray(raw) ? raw.map(String) : String(raw).split(',');
  const ids: string[] = [];
  for (const item of items.map((text) => text.trim()).filter(Boolean)) {
    const slash = item.lastIndexOf('/');
    if (slash < 0) ids.push(item);
    else if (item.slice(0, slash) === clusterName) ids.push(item.slice(slash + 1));
  }
  return ids;
}
