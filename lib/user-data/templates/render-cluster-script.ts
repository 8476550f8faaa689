/**
 * Renders a user's `cluster.sh` exactly as the original `cloud-compose cluster`
 * did: Jinja2 semantics (nunjucks plus the compat layer in `./jinja`), the
 * search path with the config's folder first, StrictUndefined, the original's
 * template data.
 */
import { LoadedConfig } from '../../config';
import { ComposeFiles, readComposeFiles } from './compose-files';
import { effectiveEnvironment } from './environment-variables';
import { renderJinjaTemplate } from './jinja/jinja-environment';
import { sharedClusterValues, templateDataFor } from './template-data';

export interface RenderOptions {
  /**
   * `_node_id`: the node id, or the cluster name in ASG mode.
   * @default no `_node_id` (as the original's `build` rendered: templates guard it with `is defined`)
   */
  readonly nodeId?: string | number;
  /** The resolved AMI id (`aws.ami` in templates; the configured value becomes `aws.ami_name`). @default the configured `aws.ami` */
  readonly amiId?: string;
  /** Environment variables templates see. @default process.env */
  readonly env?: Record<string, string | undefined>;
}

/** The name of the boot-script template on the search path. */
export const CLUSTER_TEMPLATE = 'cluster.sh';

function prepare(config: LoadedConfig, options: RenderOptions) {
  const values = sharedClusterValues(config);
  const env = effectiveEnvironment(values, options.env ?? process.env);
  return { values, base: { nodeId: options.nodeId, amiId: options.amiId, env } };
}

/**
 * The Compose files for the node: `docker-compose.yml` as written, the
 * override rendered with the node's template data.
 * @throws TemplateError
 */
export function renderComposeFiles(config: LoadedConfig, options: RenderOptions): ComposeFiles {
  const { values, base } = prepare(config, options);
  return readComposeFiles(config.searchPath, templateDataFor(values, base));
}

/** Options for {@link buildTemplateData} and {@link renderClusterScript}. */
export interface ClusterScriptOptions extends RenderOptions {
  /**
   * The node's compose files from {@link renderComposeFiles} with the same
   * options, when the caller has them already (saves rendering the override
   * twice per node).
   * @default read and rendered here
   */
  readonly composeFiles?: ComposeFiles;
}

/**
 * Everything `cluster.sh` sees as top-level names.
 * @throws TemplateError when the override file or an `environment:` value fails to render
 */
export function buildTemplateData(config: LoadedConfig, options: ClusterScriptOptions): Record<string, unknown> {
  const { values, base } = prepare(config, options);
  const compose = options.composeFiles ?? readComposeFiles(config.searchPath, templateDataFor(values, base));
  const dockerCompose = {
    ...(compose.yaml !== undefined ? { yaml: compose.yaml } : {}),
    ...(compose.overrideYaml !== undefined ? { override_yaml: compose.overrideYaml } : {}),
  };
  return templateDataFor(values, { ...base, dockerCompose });
}

/**
 * Renders `cluster.sh` for one node.
 * @throws TemplateError naming the template, file and line of any problem
 */
export function renderClusterScript(config: LoadedConfig, options: ClusterScriptOptions): string {
  return renderJinjaTemplate(config.searchPath, CLUSTER_TEMPLATE, buildTemplateData(config, options));
}
