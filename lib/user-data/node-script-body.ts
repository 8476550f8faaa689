/**
 * The static body of a node's user data: everything except the header of
 * deploy-time values. It must hold no CloudFormation token, so it can be
 * compressed at synth.
 *
 * Steps, each reported by name if it fails: `disk-setup`, `compose-files`,
 * `cluster.sh` (the rendered user script, run as its own process, byte for
 * byte as rendered), `compose-start`.
 */
import { LoadedConfig } from '../config';
import { composeUserAssignment, ComposeStart } from './compose-start';
import { NODE_ROOT_DIR } from './compose-project';
import { DiskSetup } from './disk-setup';
import { heredocWriteFile } from './heredoc';
import { shellQuote } from './shell-quote';
import { COMPOSE_FUNCTIONS } from './shell/compose-functions';
import { CORE_FUNCTIONS } from './shell/core-functions';
import { IMDS_FUNCTIONS } from './shell/imds-functions';
import { SIGNAL_FUNCTIONS } from './shell/signal-functions';

/** The parts the body is made of. */
export interface NodeScriptParts {
  readonly nodeId: string;
  /** Names of the header's variables (the body un-exports them, so cluster.sh does not inherit them). */
  readonly headerVariables: readonly string[];
  /**
   * The built-in disk setup.
   * @default - none: `disk_setup` is false
   */
  readonly disk?: DiskSetup;
  readonly compose: ComposeStart;
  /** The rendered cluster.sh. */
  readonly clusterScript: string;
}

/** Where the rendered cluster.sh is written on the node (`$CC_ROOT` defaults to {@link NODE_ROOT_DIR}). */
export const CLUSTER_SCRIPT_PATH = `${NODE_ROOT_DIR}/cluster.sh`;

/** The body for one node. */
export function nodeScriptBody(config: LoadedConfig, parts: NodeScriptParts): string {
  const disk = parts.disk && parts.disk.commands !== '' ? parts.disk : undefined;
  const compose = parts.compose.skippedBecause === undefined ? parts.compose : undefined;
  const sections: string[] = [
    'set -euo pipefail\n',
    'umask 022\n',
    `: "\${CC_ROOT:=${NODE_ROOT_DIR}}" "\${CC_SIGNAL_URL=}"\n`,
    compose ? ': "${CC_IMDS_ENDPOINT:=http://169.254.169.254}"\n' : '',
    disk ? disk.defaults : '',
    parts.headerVariables.length > 0 ? `export -n ${parts.headerVariables.join(' ')}\n` : '',
    `cc_node=${shellQuote(parts.nodeId)}\n`,
    'cc_step=start\n',
    'cc_detail=\n',
    compose ? composeUserAssignment(config) : '',
    CORE_FUNCTIONS,
    SIGNAL_FUNCTIONS,
    compose ? IMDS_FUNCTIONS + COMPOSE_FUNCTIONS : '',
    disk ? disk.functions : '',
    'mkdir -p "$CC_ROOT"\n',
  ];
  if (disk) sections.push('cc_begin disk-setup\n', disk.commands);
  else sections.push(`# disk setup: ${config.cluster.disk_setup ? 'no volume to set up' : 'off (disk_setup: false)'}\n`);
  if (compose) sections.push('cc_begin compose-files\n', compose.writeFiles);
  sections.push(
    'cc_begin cluster.sh\n',
    `${heredocWriteFile('"$CC_ROOT/cluster.sh"', parts.clusterScript, { mode: '0700' })}\n`,
    compose ? 'COMPOSE_CLUSTER_ENV_FILE="$cc_project/.env" "$CC_ROOT/cluster.sh"\n' : '"$CC_ROOT/cluster.sh"\n',
  );
  if (compose) sections.push('cc_begin compose-start\n', compose.start);
  else sections.push(`# compose start: off (${parts.compose.skippedBecause})\n`);
  sections.push('cc_step=finished\n');
  return sections.join('');
}
