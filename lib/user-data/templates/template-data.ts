/**
 * The names a `cluster.sh` template sees, as the original built them: the
 * `cluster:` map itself at top level (`name`, `aws`, `environment` ...), with
 * `aws.ami` resolved and the configured value kept as `aws.ami_name`, plus
 * `_node_id`, `docker_compose` and every environment variable whose name the
 * config does not already use.
 */
import { LoadedConfig } from '../../config';
import { isDict } from './jinja/python-values';
import { markIntegralFloats } from './yaml-floats';

export interface TemplateDataInput {
  /** `_node_id`. @default absent */
  readonly nodeId?: string | number;
  /** The resolved AMI id. @default the configured `aws.ami` */
  readonly amiId?: string;
  /** The effective environment (see `effectiveEnvironment`). */
  readonly env: Record<string, string>;
  /** `docker_compose.yaml` / `docker_compose.override_yaml`; keys only when the files exist. @default no `docker_compose` key */
  readonly dockerCompose?: { readonly yaml?: string; readonly override_yaml?: string };
}

/** A deep copy of lists and maps; other values (strings, numbers, PyFloat) are shared. */
function copyData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (isDict(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, copyData(item)])) as T;
  }
  return value;
}

/** The `cluster:` map as templates see its values (a copy; `3.0` kept a float). */
export function clusterValues(config: LoadedConfig): Record<string, unknown> {
  const values = copyData(config.clusterData ?? {});
  markIntegralFloats(values, config.file);
  return values;
}

/** @param values from `clusterValues` (copied again: templates may mutate lists with `list.append`) */
export function templateDataFor(values: Record<string, unknown>, input: TemplateDataInput): Record<string, unknown> {
  const data = copyData(values);
  const aws = data.aws;
  if (aws !== null && typeof aws === 'object' && !Array.isArray(aws)) {
    const awsMap = aws as Record<string, unknown>;
    if ('ami' in awsMap || input.amiId !== undefined) {
      data.aws = { ...awsMap, ami: input.amiId ?? awsMap.ami, ami_name: awsMap.ami };
    }
  }
  if (input.nodeId !== undefined) data._node_id = input.nodeId;
  if (input.dockerCompose) data.docker_compose = { ...input.dockerCompose };
  for (const [key, value] of Object.entries(input.env)) {
    if (!(key in data)) data[key] = value;
  }
  return data;
}
