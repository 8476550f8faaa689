/**
 * Bash functions: Docker's storage on a logical volume: xfs (ftype=1, for overlay2) mounted at /var/lib/docker while docker is stopped.
 */
export const DOCKER_ROOT_FUNCTIONS = `# cc_docker_root DEVICE OPTIONS: Docker's storage for overlay2: DEVICE as xfs (created only when
# blank) mounted at /var/lib/docker. A running docker is stopped for the mount and started again.
cc_docker_root() {
  local restart=
  if cc_mounted "$1" /var/lib/docker; then return 0; fi
  if command -v systemctl >/dev/null 2>&1 && systemctl is-active -q docker; then
    cc_log "stopping docker to mount its storage"
    systemctl stop docker.socket >/dev/null 2>&1 || true
    systemctl stop docker
    restart=1
  fi
  if [ -n "$(ls -A /var/lib/docker 2>/dev/null)" ]; then
    cc_log "the current content of /var/lib/docker stays on the root volume, hidden by the mount"
  fi
  cc_fs "docker storage" "$1" xfs 1 /var/lib/docker "$2"
  if [ -n "$restart" ]; then systemctl start docker; fi
}
`;
