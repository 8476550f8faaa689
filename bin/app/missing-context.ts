/**
 * Context lookups that synth could not answer from the cache.
 *
 * With nothing cached, an in-process synth does not fail: each lookup returns a
 * dummy value (`ami-1234` for an AMI) and records the missing key in the
 * assembly manifest, expecting the CDK CLI to perform the lookup and synth
 * again. Code that synthesizes in-process (tests, the benchmark, scripts) must
 * check for that itself, or it silently works with the dummy values.
 */
import type * as cxapi from 'aws-cdk-lib/cx-api';
import { AppUsageError } from './app-usage-error';

/** One lookup the assembly still needs. */
export interface MissingLookup {
  /** The cdk.context.json key, e.g. `ami:account=123456789012:filters.name.0=*:...`. */
  readonly key: string;
  /** The context provider, e.g. `ami`. */
  readonly provider: string;
  /** The value synth used instead, e.g. `ami-1234`, when the provider has one. */
  readonly dummyValue?: unknown;
}

/** Every lookup the assembly recorded as missing (empty when all were cached). */
export function missingLookups(assembly: cxapi.CloudAssembly): MissingLookup[] {
  return (assembly.manifest.missing ?? []).map((missing) => ({
    key: missing.key,
    provider: missing.provider,
    dummyValue: (missing.props as { dummyValue?: unknown }).dummyValue,
  }));
}

/**
 * Throws one error naming every missing lookup, what was used instead, and how
 * to fill the cache, when the assembly recorded any.
 */
export function assertNoMissingLookups(assembly: cxapi.CloudAssembly): void {
  const missing = missingLookups(assembly);
  if (missing.length === 0) return;
  throw new AppUsageError([
    ...missing.map(
      (lookup) =>
        `context lookup not cached in cdk.context.json: ${lookup.key}` +
        (lookup.dummyValue !== undefined ? ` (synth used the placeholder ${JSON.stringify(lookup.dummyValue)} instead)` : ''),
    ),
    'run `npx cdk synth` once with credentials for that account and region (the CLI performs the lookups and writes ' +
      'cdk.context.json), then commit cdk.context.json; or pass -c account=... -c region=... matching the cached entries',
  ]);
}
