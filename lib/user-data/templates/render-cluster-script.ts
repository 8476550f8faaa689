// PLACEHOLDER: the user-data issue replaces this with Jinja2-compatible rendering.
import * as fs from 'fs';
import * as path from 'path';
import { LoadedConfig } from '../../config';

export interface RenderOptions {
  /** `_node_id`: the node id, or the cluster name in ASG mode. */
  readonly nodeId: string | number;
  /** The resolved AMI id (`aws.ami` in templates; the configured value becomes `aws.ami_name`). @default the configured `aws.ami` */
  readonly amiId?: string;
  /** Environment variables templates see. @default process.env */
  readonly env?: Record<string, string | undefined>;
}

/** Renders `cluster.sh` for one node exactly as the original `cloud-compose cluster build` did. */
export function renderClusterScript(config: LoadedConfig, _options: RenderOptions): string {
  for (const dir of config.searchPath) {
    const file = path.join(dir, 'cluster.sh');
    if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  }
  throw new Error('cluster.sh not found');
}
