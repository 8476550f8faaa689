/**
 * Bash functions: LVM2: physical volume, volume group and logical volumes, each created only where absent.
 */
export const LVM_FUNCTIONS = `# cc_vg DEVICE GROUP: DEVICE as physical volume of GROUP, each created only where absent; grows the
# PV to the device's size and activates the group.
cc_vg() {
  local vg sig
  if lvmconfig --typeconfig full devices/use_devicesfile 2>/dev/null | grep -q '=1'; then
    lvmdevices --adddev "$1" >/dev/null 2>&1 || true
  fi
  if vg=$(pvs --noheadings -o vg_name "$1" 2>/dev/null); then
    vg=\${vg//[[:space:]]/}
  else
    sig=$(cc_signature "$1")
    case $sig in
      '') pvcreate "$1" ;;
      LVM2_member) cc_die "$1 holds an LVM signature that LVM does not list (check the lvm.conf filter or devices file)" ;;
      *) cc_die "$1 holds $sig, not an LVM physical volume: refusing to touch it" ;;
    esac
  fi
  if [ -z "$vg" ]; then
    if vgs "$2" >/dev/null 2>&1; then cc_die "volume group $2 already exists on another disk"; fi
    vgcreate "$2" "$1"
  elif [ "$vg" != "$2" ]; then
    cc_die "$1 belongs to volume group $vg, not $2"
  fi
  pvresize "$1" >/dev/null
  vgchange -ay "$2" >/dev/null
}
# cc_lv GROUP NAME SIZE: creates the logical volume unless it exists (lvcreate -L SIZE, as the original).
cc_lv() {
  if lvs "$1/$2" >/dev/null 2>&1; then return 0; fi
  lvcreate -L "$3" -n "$2" "$1" </dev/null
}
`;
