/**
 * The names a `cluster.sh` template sees, as the original built them: the
 * `cluster:` map itself at top level (`name`, `aws`, `environment` ...), with
 * `aws.ami` resolved and the configured value kept as `aws.ami_name`, plus
 * `_node_id`, `docker_compose` and every environment variable whose name the
 * config does not already use.
 */
import { LoadedConfig } from '../../config';

export interface TemplateDataInput {
  /** `_node_id`. */
  readonly nodeId: string | number;
  /** The resolved AMI id. @default the configured `aws.ami` */
  readonly amiId?: string;
  /** The effective environment (see `effectiveEnvironment`). */
  readonly env: Record<string, string>;
  /** `docker_compose.yaml` / `docker_compose.override_yaml`; keys only when the files exist. @default no `docker_compose` key */
  readonly dockerCompose?: { readonly yaml?: string; readonly override_yaml?: string };
}

function clone<T>(value: T): T {
  return value === undefined ? value : structuredClone(value);
}

export function templateDataFor(config: LoadedConfig, input: TemplateDataInput): Record<string, unknown> {
  // A deep copy: templates may mutate lists (`list.append`) and must not change the config.
  const data: Record<string, unknown> = clone(config.clusterData) ?? {};
  const aws = data.aws;
  if (aws !== null && typeof aws === 'object' && !Array.isArray(aws)) {
    const awsMap = aws as Record<string, unknown>;
    if ('ami' in awsMap || input.amiId !== undefined) {
      data.aws = { ...awsMap, ami: input.amiId ?? awsMap.ami, ami_name: awsMap.ami };
    }
  }
  data._node_id = input.nodeId;
  if (input.dockerCompose) data.docker_compose = { ...input.dockerCompose };
  for (const [key, value] of Object.entries(input.env)) {
    if (!(key in data)) data[key] = value;
  }
  return data;
}
