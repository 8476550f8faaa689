/**
 * The compose part of a node's user data: the compose files and a `.env`
 * written to a fixed project folder, and the services started as
 * `aws.username` once `cluster.sh` has run.
 */
import { LoadedConfig } from '../config';
import { ComposeFiles, effectiveEnvironment } from './templates';
import { composeProjectName, NODE_ROOT_DIR } from './compose-project';
import { dotenvLine, isVariableName } from './dotenv';
import { heredocWriteFile } from './heredoc';
import { shellQuote } from './shell-quote';

/** The generated compose steps of one node. */
export interface ComposeStart {
  /** Bash writing the compose files and `.env` into `$cc_project` (step `compose-files`). */
  readonly writeFiles: string;
  /** Bash starting the services (step `compose-start`). */
  readonly start: string;
  /** Project folder on the node, e.g. `/opt/compose-cluster/mongodb-prod` (with the default `CC_ROOT`). */
  readonly projectDir: string;
  /**
   * Why compose is not started, when it is not.
   * @default - none: compose is started
   */
  readonly skippedBecause?: string;
}

/** Options for {@link planComposeStart}. */
export interface ComposeStartOptions {
  readonly nodeId: string;
  /** Environment the config was loaded with: real values win over `environment:` entries. */
  readonly env: Record<string, string | undefined>;
  readonly files: ComposeFiles;
}

/**
 * The compose steps for a node, or a reason to skip them (`start_compose:
 * false`, or no docker-compose.yml on the search path).
 */
export function planComposeStart(config: LoadedConfig, options: ComposeStartOptions): ComposeStart {
  const project = composeProjectName(config.cluster.name);
  const projectDir = `${NODE_ROOT_DIR}/${project}`;
  if (!config.cluster.start_compose) return { writeFiles: '', start: '', projectDir, skippedBecause: 'start_compose is false: cluster.sh starts the services' };
  if (options.files.yaml === undefined) {
    return { writeFiles: '', start: '', projectDir, skippedBecause: 'no docker-compose.yml or docker-compose.yaml on the search path' };
  }
  const effective = effectiveEnvironment(config.clusterData, options.env);
  const environment = Object.keys(config.cluster.environment)
    .filter(isVariableName)
    .map((key): [string, string] => [key, effective[key]]);
  const defined = new Set(environment.map(([key]) => key));
  const dotenv = [
    dotenvLine('COMPOSE_PROJECT_NAME', project),
    ...(defined.has('NODE_ID') ? [] : [dotenvLine('NODE_ID', options.nodeId)]),
    ...environment.map(([key, value]) => dotenvLine(key, value)),
    '',
  ].join('\n');
  const writeFiles = [
    `cc_project="$CC_ROOT"/${shellQuote(project)}`,
    'mkdir -p "$cc_project"',
    heredocWriteFile('"$cc_project/docker-compose.yml"', options.files.yaml),
    options.files.overrideYaml === undefined ? 'rm -f "$cc_project/docker-compose.override.yml"' : heredocWriteFile('"$cc_project/docker-compose.override.yml"', options.files.overrideYaml),
    heredocWriteFile('"$cc_project/.env"', dotenv, { mode: '0640' }),
    ...(defined.has('INSTANCE_IP')
      ? []
      : [
          'cc_ip=$(cc_imds local-ipv4) || cc_die "cannot read local-ipv4 from the instance metadata service at $CC_IMDS_ENDPOINT"',
          'printf \'INSTANCE_IP=%s\\n\' "$cc_ip" >>"$cc_project/.env"',
        ]),
    '',
  ].join('\n');
  return { writeFiles, start: 'cc_compose_up "$cc_project"\n', projectDir };
}

/** `cc_user=...`: the user compose runs as (`aws.username`; root when absent). */
export function composeUserAssignment(config: LoadedConfig): string {
  return `cc_user=${shellQuote(config.cluster.aws.username ?? '')}\n`;
}
