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

/**
 * The `cluster:` map of each loaded config with its integral floats marked,
 * made once per `LoadedConfig` object (marking re-parses the config file);
 * shared read-only, every template render works on a copy.
 */
const markedValuesByConfig = new WeakMap<LoadedConfig, Record<string, unknown>>();

/** The `cluster:` map as templates see its values, shared: read it, never change it (see {@link clusterValues}). */
export function sharedClusterValues(config: LoadedConfig): Readonly<Record<string, unknown>> {
  let values = markedValuesByConfig.get(config);
  if (!values) {
    values = copyData(config.clusterData ?? {});
    markIntegralFloats(values, config.file);
    markedValuesByConfig.set(config, values);
  }
  return values;
}

/** The `cluster:` map as templates see its values (a copy; `3.0` kept a float). */
export function clusterValues(config: LoadedConfig): Record<string, unknown> {
  return copyData(sharedClusterValues(config) as Record<string, unknown>);
}

/** @param values from `clusterValues` or `sharedClusterValues` (copied: templates may mutate lists with `list.append`) */
export function templateDataFor(values: Readonly<Record<string, unknown>>, input: TemplateDataInput): Record<string, unknown> {
  const data = copyData(values as Record<string, unknown>);
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
