/**
 * Throw-away cluster folders for user-data tests: a cloud-compose.yml, a
 * cluster.sh and compose files in a temporary directory.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { LoadedConfig, loadConfig } from '../../../lib/config';

export const EXAMPLE_ENV = {
  CLUSTER_NAME: 'mongodb-prod',
  IMAGE_NAME: 'docker-host-al2023',
  SECURITY_GROUP_ID: 'sg-0a1b2c3d4e5f60718',
  KEYPAIR: 'data-platform',
  CLUSTER_NODE_0_IP: '10.20.1.10',
  CLUSTER_NODE_1_IP: '10.20.2.10',
  CLUSTER_NODE_2_IP: '10.20.3.10',
  CLUSTER_NODE_0_SUBNET: 'subnet-0a00000000000000a',
  CLUSTER_NODE_1_SUBNET: 'subnet-0b00000000000000b',
  CLUSTER_NODE_2_SUBNET: 'subnet-0c00000000000000c',
};

export const EXAMPLE_CONFIG_FILE = path.join(__dirname, '../../../examples/mongodb/cloud-compose/cloud-compose.yml');

export function loadExample(): LoadedConfig {
  return loadConfig({ file: EXAMPLE_CONFIG_FILE, env: EXAMPLE_ENV });
}

export interface FixtureFiles {
  readonly 'cluster.sh'?: string;
  readonly 'docker-compose.yml'?: string;
  readonly 'docker-compose.override.yml'?: string;
}

const DEFAULT_CLUSTER_SCRIPT = '#!/bin/bash\necho "node ${NODE_ID:-?} ready"\n';

/**
 * A cluster folder in a new temporary directory with `cluster` as the
 * `cluster:` section (name, search_path and aws.ami/nodes get defaults).
 */
export function makeCluster(cluster: Record<string, unknown>, files: FixtureFiles = {}): LoadedConfig {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-user-data-'));
  const aws = (cluster.aws ?? {}) as Record<string, unknown>;
  const section = {
    name: 'test-cluster',
    search_path: ['templates'],
    ...cluster,
    aws: { ami: 'ami-0123456789abcdef0', nodes: [{ id: 0, ip: '10.0.0.10', subnet: 'subnet-a' }], ...aws },
  };
  fs.mkdirSync(path.join(dir, 'templates'));
  fs.writeFileSync(path.join(dir, 'cloud-compose.yml'), stringify({ cluster: section }));
  const all: FixtureFiles = { 'cluster.sh': DEFAULT_CLUSTER_SCRIPT, ...files };
  for (const [name, content] of Object.entries(all)) {
    if (content !== undefined) fs.writeFileSync(path.join(dir, 'templates', name), content);
  }
  return loadConfig({ file: path.join(dir, 'cloud-compose.yml'), env: {} });
}
