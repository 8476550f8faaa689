/**
 * EBS device names as the instance sees them: on Xen instances `/dev/sdf`
 * shows up as `/dev/xvdf`, and the disk setup looks for both, so the two name
 * one disk.
 */

/** `/dev/sdf`, `/dev/xvdf`, `sdf` and `xvdf` all become `f`: the part that tells disks apart. */
export function deviceKey(block: string): string {
  return block.replace(/^\/dev\//, '').replace(/^(?:xvd|sd)/, '');
}
