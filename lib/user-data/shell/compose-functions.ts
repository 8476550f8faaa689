/**
 * Bash functions: Starting the compose services as `cc_user` with `docker compose` (v2), falling back to `docker-compose`.
 */
export const COMPOSE_FUNCTIONS = `# Runs a command as the compose user (cc_user; root when empty).
cc_as() {
  if [ -z "$cc_user" ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u "$cc_user" -- "$@"
  else
    sudo -u "$cc_user" -- "$@"
  fi
}
# Starts docker unless it answers, and waits for it.
cc_docker_ready() {
  local i
  if docker info >/dev/null 2>&1; then return 0; fi
  if command -v systemctl >/dev/null 2>&1; then systemctl start docker; else service docker start; fi
  for ((i = 0; i < 60; i++)); do
    if docker info >/dev/null 2>&1; then return 0; fi
    sleep 2
  done
  cc_die "docker does not answer"
}
# cc_compose_up DIR: docker compose up -d in DIR as cc_user (docker compose v2, else docker-compose).
cc_compose_up() {
  cc_docker_ready
  if [ -n "$cc_user" ]; then
    id "$cc_user" >/dev/null 2>&1 || cc_die "user $cc_user (aws.username) does not exist on this image"
    if getent group docker >/dev/null && ! id -nG "$cc_user" | tr ' ' '\\n' | grep -qx docker; then
      usermod -aG docker "$cc_user"
    fi
    chown -R "$cc_user:" "$1"
  fi
  cd "$1" || cc_die "cannot enter $1"
  if cc_as docker compose version >/dev/null 2>&1; then
    cc_as docker compose up -d
  elif command -v docker-compose >/dev/null 2>&1; then
    cc_as docker-compose up -d
  else
    cc_die "neither docker compose (v2) nor docker-compose is installed"
  fi
}
`;
