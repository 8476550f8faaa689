#!/usr/bin/env node
/**
 * The compose-cluster CDK app (cdk.json: `npx tsx bin/app.ts`).
 *
 *   npx cdk synth                                  # the bundled MongoDB example
 *   npx cdk synth -c config=path/to/cloud-compose.yml
 *   npx cdk synth -c account=111122223333 -c region=eu-west-1
 *
 * See bin/app/build-app.ts for what it builds and bin/app/app-environment.ts
 * for how the account and region are chosen.
 */
import { App } from 'aws-cdk-lib';
import { ConfigError } from '../lib/config';
import { AppUsageError } from './app/app-usage-error';
import { buildComposeClusterApp } from './app/build-app';

const app = new App();
try {
  buildComposeClusterApp(app);
} catch (error) {
  // Bad input is reported as the list of problems it is, never as a stack trace.
  if (error instanceof ConfigError || error instanceof AppUsageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
