/**
 * The CDK CLI's cache of image lookups in cdk.context.json. `upgrade-node`
 * removes a Name tag's cached lookups so the next synth finds the newest image.
 */
import * as fs from 'fs';

/**
 * Removes the cached lookups of image Name tag `nameTag` (in `account`/`region`
 * when given) from a cdk.context.json. Returns the removed keys; a missing file
 * removes nothing.
 */
export function forgetImageLookups(contextFile: string, nameTag: string, account?: string, region?: string): string[] {
  if (!fs.existsSync(contextFile)) return [];
  const context = JSON.parse(fs.readFileSync(contextFile, 'utf8')) as Record<string, unknown>;
  const removed = Object.keys(context).filter((key) => {
    if (!key.startsWith('ami:')) return false;
    const has = (part: string) => `${key}:`.includes(`:${part}:`);
    return (
      has(`filters.tag:Name.0=${nameTag}`) &&
      !key.includes('filters.tag:Name.1=') &&
      (account === undefined || has(`account=${account}`)) &&
      (region === undefined || has(`region=${region}`))
    );
  });
  if (removed.length === 0) return [];
  for (const key of removed) delete context[key];
  fs.writeFileSync(contextFile, `${JSON.stringify(context, null, 2)}\n`);
  return removed;
}
