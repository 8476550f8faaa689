/**
 * Bash functions: Steps and the completion signal: an EXIT trap sends SUCCESS, or FAILURE naming the node, the step and the exit code, to the wait-condition URL in `CC_SIGNAL_URL` with curl (no cfn-bootstrap needed). Needs `cc_node` set.
 */
export const SIGNAL_FUNCTIONS = `# cc_begin STEP: the step a failure is reported for.
cc_begin() {
  cc_step=$1
  cc_detail=
  cc_log "step $1"
}
# Completion signal: a PUT of wait-condition JSON to the presigned URL in CC_SIGNAL_URL (curl only, no cfn-bootstrap).
cc_signal() {
  local body i
  if [ -z "$CC_SIGNAL_URL" ]; then
    cc_log "no signal URL: $1 not sent"
    return 0
  fi
  body=$(printf '{"Status":"%s","Reason":"%s","UniqueId":"%s","Data":"%s"}' "$1" "$2" "$cc_node" "$cc_step")
  for i in 1 2 3 4 5 6 7 8 9 10; do
    if curl -fsS --max-time 30 -X PUT -H 'Content-Type:' --data-binary "$body" "$CC_SIGNAL_URL" >/dev/null; then
      cc_log "$1 signal sent"
      return 0
    fi
    cc_log "signal attempt $i failed"
    sleep 6
  done
  return 1
}
cc_finish() {
  local rc=$? reason
  trap - EXIT
  set +e
  if [ "$rc" -eq 0 ]; then
    cc_log "node $cc_node: done"
    cc_signal SUCCESS "node $cc_node: done" || rc=1
  else
    reason="node $cc_node: step '$cc_step' failed (exit $rc)\${cc_detail:+: $cc_detail}"
    cc_log "$reason"
    cc_signal FAILURE "$(printf '%.400s' "$reason" | tr -d '\\042\\134' | tr -c '[:print:]' ' ')"
  fi
  exit "$rc"
}
trap cc_finish EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
`;
