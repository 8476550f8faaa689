#!/usr/bin/env bash
# Builds the small Linux guest the VM tests boot: Debian's current amd64 kernel
# (downloaded with apt-get, not installed), the few modules a disk-setup script
# needs, and a base initramfs made of busybox-static plus the host's bash,
# coreutils, util-linux, lvm2, e2fsprogs and xfsprogs with their libraries.
#
# Usage: build-guest.sh [CACHE_DIR]   (default: <repo>/.vm-cache)
# Prints the guest directory (holding vmlinuz and base.cpio) on stdout.
# Built once per machine and kernel version; a lock serialises concurrent callers.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
cache="${1:-$repo/.vm-cache}"
mkdir -p "$cache"
cache="$(cd "$cache" && pwd)"

log() { echo "build-guest: $*" >&2; }

# The kernel package Debian currently serves: linux-image-amd64 depends on it.
kernel_package() {
  apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ { print $2; exit }'
}
pkg="$(kernel_package)"
if [ -z "$pkg" ]; then
  log "apt lists have no linux-image-amd64; running apt-get update"
  apt-get update -qq >&2
  pkg="$(kernel_package)"
fi
[ -n "$pkg" ] || { log "cannot find Debian's linux-image-amd64 kernel package"; exit 1; }
kver="${pkg#linux-image-}"

# The guest depends on this script too: a changed recipe builds a new guest.
recipe="$(sha256sum "$0" | cut -c1-12)"
guest="$cache/guest-$kver-$recipe"

exec 9>"$cache/.build.lock"
flock 9
if [ -f "$guest/ready" ]; then
  echo "$guest"
  exit 0
fi

log "building $guest (kernel $pkg)"
work="$(mktemp -d "$cache/.build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"

# --- kernel and modules ------------------------------------------------------
# apt downloads as user _apt when it can write the folder (else it warns and downloads as root).
chown _apt "$work" 2>/dev/null || true
if ! (cd "$work" && apt-get download -q "$pkg") >&2; then
  # Stale package lists can name a kernel the mirror no longer has: refresh, then ask again.
  log "download failed; running apt-get update"
  apt-get update -qq >&2
  pkg="$(kernel_package)"
  kver="${pkg#linux-image-}"
  guest="$cache/guest-$kver-$recipe"
  (cd "$work" && apt-get download -q "$pkg") >&2
fi
deb="$(ls "$work"/*.deb)"
mkdir "$work/kernel"
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$work/kernel" --wildcards \
  './boot/vmlinuz-*' './lib/modules/*/modules.*' \
  './lib/modules/*/kernel/drivers/nvme/*' './lib/modules/*/kernel/drivers/md/*' \
  './lib/modules/*/kernel/drivers/block/*' './lib/modules/*/kernel/drivers/virtio/*' './lib/modules/*/kernel/block/*' \
  './lib/modules/*/kernel/fs/*' './lib/modules/*/kernel/lib/*' './lib/modules/*/kernel/crypto/*'
rm -f "$deb"
kroot="$work/kernel"
# Compressed modules (newer kernels) are unpacked so busybox insmod can load them.
find "$kroot/lib/modules" -name '*.ko.xz' -exec xz -d {} + 2>/dev/null || true
find "$kroot/lib/modules" -name '*.ko.zst' -exec sh -c 'for f; do zstd -q -d --rm "$f"; done' _ {} + 2>/dev/null || true
depmod -b "$kroot" "$kver"

root="$work/root"
# Merged /usr like current distributions: /bin, /sbin and /lib point into /usr.
mkdir -p "$root"/{usr/bin,usr/sbin,usr/lib,usr/lib64,etc/lvm,dev,proc,sys,run,tmp,root,mnt,var/lib,var/log,home/ec2-user}
ln -s usr/bin "$root/bin"
ln -s usr/sbin "$root/sbin"
ln -s usr/lib "$root/lib"
ln -s usr/lib64 "$root/lib64"
: > "$root/etc/cc-modules"
for module in virtio_pci virtio_blk nvme dm_mod ext4 xfs; do
  modprobe -d "$kroot" -S "$kver" --show-depends "$module" | awk '$1 == "insmod" { print $2 }' |
    while read -r ko; do
      rel="${ko#"$kroot"/}"
      rel="${rel#./}"
      grep -qxF "/$rel" "$root/etc/cc-modules" && continue
      mkdir -p "$root/$(dirname "$rel")"
      cp "$ko" "$root/$rel"
      echo "/$rel" >> "$root/etc/cc-modules"
    done
done

# --- userland ----------------------------------------------------------------
# Where a host file lives once /bin, /sbin and /lib are resolved.
canonical() { echo "$(readlink -f "$(dirname "$1")")/$(basename "$1")"; }

copy_with_libs() {
  local file
  file="$(canonical "$1")"
  { [ -e "$root$file" ] || [ -L "$root$file" ]; } && return 0
  mkdir -p "$root$(dirname "$file")"
  if [ -L "$file" ]; then
    cp -a "$file" "$root$file"
    copy_with_libs "$(readlink -f "$file")"
    return 0
  fi
  cp -a "$file" "$root$file"
  { ldd "$file" 2>/dev/null || true; } | { grep -o '/[^ ]*' || true; } | while read -r lib; do
    lib_target="$(canonical "$lib")"
    [ -e "$root$lib_target" ] && continue
    mkdir -p "$root$(dirname "$lib_target")"
    cp -L "$lib" "$root$lib_target"
  done
}

# The tools a real distribution has, so the generated script meets GNU and
# util-linux behaviour; busybox only fills the gaps (init, insmod, poweroff...).
# xfs_scrub is left out: it alone would pull in 35 MB of ICU.
for package in bash coreutils util-linux mount lvm2 dmsetup e2fsprogs xfsprogs grep sed mawk findutils tar gzip passwd; do
  dpkg -L "$package" | grep -E '^/(usr/)?s?bin/[^/]+$' | grep -v xfs_scrub | while read -r file; do
    [ -e "$file" ] && copy_with_libs "$file"
  done
done
copy_with_libs /usr/bin/getent
# PAM, so runuser/su work as on a real image.
cp -a /etc/pam.d "$root/etc/pam.d"
mkdir -p "$root/etc/security"
cp -a /etc/security/limits.conf "$root/etc/security/" 2>/dev/null || true
for module in /usr/lib/x86_64-linux-gnu/security/pam_*.so; do copy_with_libs "$module"; done
[ -e "$root/usr/bin/awk" ] || ln -s mawk "$root/usr/bin/awk"
cp /bin/busybox "$root/usr/bin/busybox"
for applet in $(/bin/busybox --list); do
  [ -e "$root/usr/bin/$applet" ] || [ -e "$root/usr/sbin/$applet" ] || ln -s busybox "$root/usr/bin/$applet"
done

cat > "$root/etc/lvm/lvm.conf" <<'CONF'
# No udev in the guest: LVM scans /dev itself and manages its own device nodes.
devices {
  obtain_device_list_from_udev = 0
  use_devicesfile = 0
}
activation {
  udev_sync = 0
  udev_rules = 0
  monitoring = 0
}
global {
  use_lvmpolld = 0
}
CONF
cat > "$root/etc/passwd" <<'CONF'
root:x:0:0:root:/root:/bin/bash
ec2-user:x:1000:1000:EC2 Default User:/home/ec2-user:/bin/bash
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
CONF
cat > "$root/etc/group" <<'CONF'
root:x:0:
docker:x:992:ec2-user
ec2-user:x:1000:
nogroup:x:65534:
CONF
: > "$root/etc/fstab"
printf 'root:*:19000:0:99999:7:::\nec2-user:!:19000:0:99999:7:::\nnobody:*:19000:0:99999:7:::\n' > "$root/etc/shadow"
printf 'root:*::\ndocker:!::ec2-user\nec2-user:!::\nnogroup:*::\n' > "$root/etc/gshadow"
chmod 0640 "$root/etc/shadow" "$root/etc/gshadow"
cp /etc/login.defs "$root/etc/login.defs"
printf 'passwd: files\ngroup: files\nshadow: files\nhosts: files\n' > "$root/etc/nsswitch.conf"
ln -s /proc/self/mounts "$root/etc/mtab"
echo "127.0.0.1 localhost" > "$root/etc/hosts"
chown 1000:1000 "$root/home/ec2-user"

mkdir -p "$work/out"
cp "$kroot/boot/vmlinuz-$kver" "$work/out/vmlinuz"
(cd "$root" && find . -print0 | LC_ALL=C sort -z | cpio --null -o -H newc --quiet -R 0:0) > "$work/out/base.cpio"
echo "$kver" > "$work/out/kernel-version"
touch "$work/out/ready"
rm -rf "$guest"
mv "$work/out" "$guest"
# Older guests (another kernel or recipe) are no longer used.
find "$cache" -maxdepth 1 -name 'guest-*' ! -path "$guest" -exec rm -rf {} +
log "built $guest ($(du -sh "$guest/base.cpio" | cut -f1) initramfs)"
echo "$guest"
