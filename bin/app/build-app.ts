/**
 * Builds the compose-cluster CDK app: one stack holding one `ComposeCluster`
 * made from a cloud-compose.yml, bound to a concrete account and region, with
 * the cdk-nag AwsSolutions checks registered as a validation plugin.
 *
 * The built-in template validator is switched on (and made strict) by
 * cdk.json context, not here, so tests and the benchmark can run without it.
 */
import * as path from 'path';
import { App, Stack, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { LoadedConfig, loadConfig } from '../../lib/config';
import { ComposeCluster } from '../../lib/constructs';
import { AppEnvironment, resolveAppEnvironment } from './app-environment';
import { packageRoot } from './project-context';

/** The bundled example: a 3-node MongoDB replica set. */
export const EXAMPLE_CONFIG_FILE = path.join(packageRoot(), 'examples', 'mongodb', 'cloud-compose', 'cloud-compose.yml');

/** Context key naming the config file (`npx cdk synth -c config=path/to/cloud-compose.yml`). */
export const CONFIG_CONTEXT_KEY = 'config';

export interface ComposeClusterAppOptions {
  /**
   * Path of cloud-compose.yml, relative to the current directory.
   * @default the `config` context value, else {@link EXAMPLE_CONFIG_FILE}
   */
  readonly configFile?: string;
  /**
   * Variables for `${VAR}` in the config and for the templates.
   * @default process.env
   */
  readonly env?: Record<string, string | undefined>;
  /**
   * Register the cdk-nag AwsSolutions checks.
   * @default true
   */
  readonly nag?: boolean;
  /**
   * Let synth record new image pins and launch records in the lock file beside
   * the config (as `cdk synth` does). Tests turn it off to leave files alone.
   * @default true
   */
  readonly updateLockFile?: boolean;
}

/** What {@link buildComposeClusterApp} made. */
export interface ComposeClusterApp {
  readonly stack: Stack;
  readonly cluster: ComposeCluster;
  readonly config: LoadedConfig;
  readonly environment: AppEnvironment;
}

/**
 * Adds the cluster's stack to `app`. Throws `ConfigError` for an invalid
 * config and `AppUsageError` for an invalid account or region.
 */
export function buildComposeClusterApp(app: App, options: ComposeClusterAppOptions = {}): ComposeClusterApp {
  const env = options.env ?? process.env;
  const environment = resolveAppEnvironment((key) => app.node.tryGetContext(key), env);
  const configFile = path.resolve(options.configFile ?? contextString(app, CONFIG_CONTEXT_KEY) ?? EXAMPLE_CONFIG_FILE);
  const config = loadConfig({ file: configFile, env });

  const stack = new Stack(app, stackNameFor(config.cluster.name), {
    env: { account: environment.account, region: environment.region },
    description: `compose-cluster ${config.cluster.name}: fixed-IP EC2 nodes running Docker Compose (from ${path.basename(configFile)})`,
  });
  const cluster = new ComposeCluster(stack, 'Cluster', { config, templateEnv: env, updateLockFile: options.updateLockFile });

  if (options.nag ?? true) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { verbose: true }));
  }
  return { stack, cluster, config, environment };
}

/**
 * A CloudFormation stack name for a cluster name: stack names allow only
 * letters, digits and hyphens and must start with a letter.
 */
export function stackNameFor(clusterName: string): string {
  const name = clusterName.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return (/^[A-Za-z]/.test(name) ? name : `cluster-${name}`.replace(/-+$/, '')).slice(0, 128);
}

function contextString(app: App, key: string): string | undefined {
  const value = app.node.tryGetContext(key);
  return value === undefined || value === null || String(value) === '' ? undefined : String(value);
}
