/**
 * The device name of the image's root volume, where `aws.volumes`' root volume
 * (size, type) is applied. EC2 cannot tell it at synth time for a looked-up
 * image: Amazon Linux uses /dev/xvda, CentOS/RHEL/Ubuntu images /dev/sda1. A
 * mapping under the wrong name adds a blank extra volume and leaves the real
 * root at the image's size, so the guess is announced.
 */
import { Annotations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AwsConfig } from '../config';
import { isImageId } from './image-lookup';
import { PlannedVolume } from './volume-plan';

/** Root device of Amazon Linux 2 and 2023, used when nothing names one. */
export const DEFAULT_ROOT_DEVICE = '/dev/xvda';

/**
 * `aws.root_device`. Read without relying on the schema's type, which gains the
 * key in a separate change; any non-empty string counts.
 */
export function configuredRootDevice(aws: AwsConfig): string | undefined {
  const value: unknown = (aws as { root_device?: unknown }).root_device;
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The explicit root device name: the `rootDeviceName` prop, else `aws.root_device`; undefined when neither is set. */
export function explicitRootDevice(propValue: string | undefined, aws: AwsConfig): string | undefined {
  return propValue ?? configuredRootDevice(aws);
}

/**
 * Warns when the root volume's device name is the default guess for an image
 * looked up by Name tag (its root device is unknown).
 */
export function warnAssumedRootDevice(scope: Construct, aws: AwsConfig, explicit: string | undefined, volumes: readonly PlannedVolume[]): void {
  const root = volumes.find((volume) => volume.kind === 'root');
  if (!root || explicit !== undefined || root.config.block !== undefined || isImageId(aws.ami)) return;
  Annotations.of(scope).addWarningV2(
    'compose-cluster:assumedRootDevice',
    `the root volume "${root.config.name}" (volumes[${root.index}]) is mapped to ${DEFAULT_ROOT_DEVICE}, the root device of Amazon Linux; the root device of image "${aws.ami}" is not known at synth time. ` +
      `If the image uses another one (CentOS, RHEL and Ubuntu use /dev/sda1), the size and type would go to an extra blank volume and the root would keep the image's size: ` +
      `set aws.root_device (e.g. /dev/sda1), the volume's \`block\`, or the rootDeviceName prop`,
  );
}
