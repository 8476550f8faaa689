import { VolumeConfig } from './schema';

/**
 * True when the volume carries a filesystem someone mounts (`meta.mount`, or an
 * lvm2 logical volume with a `mount`): its contents are data to keep. Such a
 * volume is a standalone EBS volume that outlives the instance, and the boot
 * script finds it by its volume id.
 */
export function volumeHoldsData(volume: VolumeConfig): boolean {
  if (volume.meta?.mount) return true;
  return volume.file_system === 'lvm2' && (volume.meta?.volumes ?? []).some((lv) => Boolean(lv.mount));
}
