/**
 * The account and region the app's stack is bound to.
 *
 * A concrete environment is required, not an environment-agnostic stack:
 * `MachineImage.lookup` (an AMI given by its Name tag) and any other context
 * lookup can only run, and can only be cached in cdk.context.json, for a known
 * account and region. The cache key contains both, so the values chosen here
 * decide which committed cdk.context.json entries apply.
 */
import { AppUsageError } from './app-usage-error';

/**
 * Used when neither context nor the CDK environment variables name an account
 * or region, so the bundled example synthesizes on a fresh clone with no
 * credentials: cdk.context.json holds the example's lookups for exactly this
 * account and region. 123456789012 is the documentation account id AWS uses
 * in its own examples; it belongs to nobody.
 */
export const OFFLINE_DEFAULT_ENVIRONMENT = { account: '123456789012', region: 'us-east-1' } as const;

/** Where each value of the environment came from, for messages. */
export type EnvironmentSource = 'context' | 'environment variable' | 'offline default';

/** A concrete account and region, and where each came from. */
export interface AppEnvironment {
  readonly account: string;
  readonly region: string;
  readonly accountSource: EnvironmentSource;
  readonly regionSource: EnvironmentSource;
}

/**
 * Picks the account and region: `-c account=...` / `-c region=...` first, then
 * `CDK_DEFAULT_ACCOUNT` / `CDK_DEFAULT_REGION` (which the CDK CLI sets from
 * your credentials and AWS config), then {@link OFFLINE_DEFAULT_ENVIRONMENT}.
 *
 * @param context reads one context value (e.g. `(key) => app.node.tryGetContext(key)`)
 * @param env environment variables @default process.env
 */
export function resolveAppEnvironment(
  context: (key: string) => unknown,
  env: Record<string, string | undefined> = process.env,
): AppEnvironment {
  const account = pick(context('account'), env.CDK_DEFAULT_ACCOUNT, OFFLINE_DEFAULT_ENVIRONMENT.account);
  const region = pick(context('region'), env.CDK_DEFAULT_REGION, OFFLINE_DEFAULT_ENVIRONMENT.region);
  const problems: string[] = [];
  if (!/^\d{12}$/.test(account.value)) {
    problems.push(`account '${account.value}' (from ${describe(account.source, 'account', 'CDK_DEFAULT_ACCOUNT')}) is not a 12-digit AWS account id`);
  }
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region.value)) {
    problems.push(`region '${region.value}' (from ${describe(region.source, 'region', 'CDK_DEFAULT_REGION')}) is not an AWS region name such as us-east-1`);
  }
  if (problems.length > 0) throw new AppUsageError(problems);
  return { account: account.value, region: region.value, accountSource: account.source, regionSource: region.source };
}

function describe(source: EnvironmentSource, contextKey: string, variable: string): string {
  return source === 'context' ? `-c ${contextKey}=...` : source === 'environment variable' ? variable : 'the offline default';
}

function pick(fromContext: unknown, fromEnv: string | undefined, fallback: string): { value: string; source: EnvironmentSource } {
  if (fromContext !== undefined && fromContext !== null && String(fromContext).trim() !== '') {
    return { value: String(fromContext).trim(), source: 'context' };
  }
  if (fromEnv !== undefined && fromEnv.trim() !== '') return { value: fromEnv.trim(), source: 'environment variable' };
  return { value: fallback, source: 'offline default' };
}
