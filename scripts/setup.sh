#!/usr/bin/env bash
# Sets up a fresh Debian machine for compose-cluster development:
# the Debian packages the tests need, the npm packages, and the build.
# Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

# Node.js 20.12+ (util.parseEnv reads .env files); Debian's own nodejs package is older.
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 12) ? 0 : 1)' 2>/dev/null; then
  echo "setup: Node.js 20.12 or newer is needed (found: $(node --version 2>/dev/null || echo none)); install it from nodejs.org or NodeSource" >&2
  exit 1
fi

# shellcheck lints generated user data; qemu, busybox, lvm2, e2fsprogs,
# xfsprogs, util-linux, kmod, cpio and passwd build the small VM that runs it
# for real (test/vm/harness/build-guest.sh);
# python3-jinja2 is the reference renderer for the template-compatibility tests;
# python3-yaml (PyYAML, the original's parser) is the reference for YAML 1.1 typing.
DEBIAN_PACKAGES=(
  shellcheck
  qemu-system-x86
  busybox-static
  lvm2
  e2fsprogs
  xfsprogs
  util-linux
  kmod
  cpio
  passwd
  python3-jinja2
  python3-yaml
)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

npm ci --no-audit --no-fund
npm run build

# The VM tests' guest (Debian's kernel + an initramfs), built once per machine
# so the tests don't pay for it. If it fails here, the VM tests say why.
bash test/vm/harness/build-guest.sh > /dev/null || echo "setup: the VM test guest could not be built (see above)" >&2
