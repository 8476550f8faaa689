/**
 * Bash functions: Logging and stopping with a reason: used by every other part.
 */
export const CORE_FUNCTIONS = `cc_log() { printf 'compose-cluster: %s\\n' "$*" >&2; }
# Stops the script; the message becomes part of the failure signal.
cc_die() {
  cc_detail=$*
  cc_log "error: $*"
  exit 1
}
`;
