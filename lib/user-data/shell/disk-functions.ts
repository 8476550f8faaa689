/**
 * Bash functions: Finding a volume's device (Xen names, NVMe serial = EBS volume id, or the device name the EBS controller reports), probing it for any signature, creating a filesystem only on a blank device, fstab by UUID with nofail, mounting and growing. Needs `CC_DEVICE_WAIT_SECONDS` and `CC_FSTAB`.
 */
export const DISK_FUNCTIONS = `# Device names without /dev/ and the xvd/sd prefix difference: /dev/xvdc and sdc are both "dc".
cc_short() {
  local n=\${1#/dev/}
  n=\${n#xv}
  printf '%s' "\${n#s}"
}
# The device name the EBS controller of an NVMe device reports (e.g. sdf or /dev/xvdc); empty when unknown.
cc_ebs_name() {
  if command -v ebsnvme-id >/dev/null 2>&1; then
    ebsnvme-id -b "$1" 2>/dev/null || true
  elif command -v nvme >/dev/null 2>&1; then
    nvme id-ctrl --raw-binary "$1" 2>/dev/null | tail -c +3073 | head -c 32 | tr -d '\\000 ' || true
  fi
}
# cc_device BLOCK VOLUME-ID INSTANCE-STORE-INDEX: prints the device of a volume, waiting up to
# CC_DEVICE_WAIT_SECONDS for a late attachment. Nitro: the NVMe serial is the volume id without
# its dash, or the controller reports BLOCK; Xen: BLOCK itself (xvdX or sdX).
cc_device() {
  local serial=\${2//-/} short waited=0 s d i
  short=$(cc_short "$1")
  while :; do
    if [ -n "$serial" ]; then
      for s in /sys/block/nvme*/device/serial; do
        if [ -r "$s" ] && [ "$(tr -d ' ' <"$s")" = "$serial" ]; then
          d=\${s%/device/serial}
          echo "/dev/\${d##*/}"
          return 0
        fi
      done
    fi
    for d in "$1" "/dev/xv$short" "/dev/s$short"; do
      if [ -b "$d" ]; then
        readlink -f "$d"
        return 0
      fi
    done
    for d in /dev/nvme*n1; do
      if [ -b "$d" ] && [ "$(cc_short "$(cc_ebs_name "$d")")" = "$short" ]; then
        echo "$d"
        return 0
      fi
    done
    if [ -n "$3" ]; then
      i=0
      for s in /sys/block/nvme*/device/model; do
        if [ -r "$s" ] && grep -q 'Instance Storage' "$s"; then
          if [ "$i" = "$3" ]; then
            d=\${s%/device/model}
            echo "/dev/\${d##*/}"
            return 0
          fi
          i=$((i + 1))
        fi
      done
    fi
    if [ "$waited" -ge "$CC_DEVICE_WAIT_SECONDS" ]; then return 1; fi
    if [ "$waited" -eq 0 ]; then cc_log "waiting for $1 to be attached"; fi
    sleep 5
    waited=$((waited + 5))
  done
}
# cc_signature DEVICE: prints what the device holds (filesystem, LVM, partition table, unknown data); nothing when blank.
# Probes the device itself: udev's view (lsblk) may be missing or late.
cc_signature() {
  local out rc=0
  out=$(blkid -p -o value -s TYPE -s PTTYPE "$1" 2>/dev/null) || rc=$?
  if [ "$rc" -eq 0 ]; then
    printf '%s\\n' "$out" | head -n 1
    return 0
  fi
  if [ "$rc" -ne 2 ]; then
    echo "a signature blkid cannot read (exit $rc)"
    return 0
  fi
  if ! out=$(wipefs -n "$1" 2>&1); then
    echo "an unreadable device ($out)"
  elif [ -n "$out" ]; then
    echo "a signature wipefs lists"
  elif [ "$(head -c 1048576 "$1" | tr -d '\\000' | head -c 1 | wc -c)" -ne 0 ]; then
    echo "data without a known signature"
  fi
}
cc_mkfs() {
  case $2 in
    xfs) mkfs.xfs -q -K -n ftype=1 "$1" || cc_die "mkfs.xfs failed on $1" ;;
    ext4) mkfs.ext4 -q -E nodiscard "$1" || cc_die "mkfs.ext4 failed on $1" ;;
    *) cc_die "cannot create a '$2' filesystem" ;;
  esac
}
# cc_mounted DEVICE DIR: true when DIR is the mount point of DEVICE.
cc_mounted() {
  mountpoint -q "$2" && [ "$(mountpoint -d "$2")" = "$(lsblk -dno MAJ:MIN "$1" | tr -d ' ')" ]
}
# cc_mount DEVICE DIR OPTIONS: one fstab entry by UUID with nofail (other entries for DIR or for the
# UUID are commented out), then mounts DEVICE at DIR unless it is mounted there already. Every check
# comes before fstab is touched: a refused mount leaves the image's own entries as they were.
cc_mount() {
  local dev=$1 dir=$2 opts=$3 uuid type pass=0 tmp mounted=0
  [ "$dir" = / ] || dir=\${dir%/}
  if [ "$(blkid -p -o value -s USAGE "$dev" || true)" != filesystem ]; then
    cc_die "$dev holds $(cc_signature "$dev"), not a filesystem: cannot mount it at $dir"
  fi
  uuid=$(blkid -p -o value -s UUID "$dev")
  type=$(blkid -p -o value -s TYPE "$dev")
  if [ -z "$uuid" ]; then cc_die "$dev has no filesystem UUID: cannot write its fstab entry"; fi
  if cc_mounted "$dev" "$dir"; then
    mounted=1
  elif mountpoint -q "$dir"; then
    cc_die "$dir already has another filesystem mounted: not mounting $dev there and leaving fstab unchanged"
  fi
  case $type in ext*) pass=2 ;; esac
  case ",$opts," in *,nofail,*) ;; *) opts=$opts,nofail ;; esac
  [ -e "$CC_FSTAB" ] || : >"$CC_FSTAB"
  tmp=$(mktemp)
  awk -v u="UUID=$uuid" -v d="$dir" -v entry="UUID=$uuid $dir $type $opts 0 $pass" '
    $1 == u && $2 == d { found = 1 }
    $1 !~ /^#/ && ($1 == u) != ($2 == d) { $0 = "# replaced by compose-cluster: " $0 }
    { print }
    END { if (!found) print entry }' "$CC_FSTAB" >"$tmp"
  if [ "$(cat "$tmp")" != "$(cat "$CC_FSTAB")" ]; then
    cat "$tmp" >"$CC_FSTAB"
    cc_log "fstab: UUID=$uuid on $dir"
  fi
  rm -f "$tmp"
  if [ "$mounted" = 1 ]; then return 0; fi
  mkdir -p "$dir"
  mount -t "$type" -o "$opts" "$dev" "$dir" || cc_die "cannot mount $dev at $dir"
}
# cc_grow DEVICE DIR: grows the mounted filesystem to its device's size (a restore from a smaller snapshot); no-op otherwise.
cc_grow() {
  case $(blkid -p -o value -s TYPE "$1") in
    ext2 | ext3 | ext4) resize2fs "$1" >&2 || cc_die "cannot grow the filesystem on $1" ;;
    xfs) xfs_growfs "$2" >/dev/null || cc_die "cannot grow the filesystem on $2" ;;
  esac
}
# cc_fs LABEL DEVICE TYPE FORMAT DIR OPTIONS: creates a TYPE filesystem when FORMAT is 1 and the
# device is blank (never over any signature), then mounts it at DIR when DIR is set.
cc_fs() {
  local sig
  sig=$(cc_signature "$2")
  if [ -z "$sig" ]; then
    if [ "$4" != 1 ]; then cc_die "$1: $2 is blank and meta.format is not set: set meta.format: true to create a filesystem"; fi
    cc_log "$1: creating $3 on $2"
    cc_mkfs "$2" "$3"
  elif [ "$4" = 1 ]; then
    cc_log "$1: $2 holds $sig: not formatting"
  fi
  if [ -n "$5" ]; then
    cc_mount "$2" "$5" "$6"
    cc_grow "$2" "$5"
  fi
}
`;
