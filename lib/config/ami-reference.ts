/**
 * What `aws.ami` may hold: an AMI id, or the value of the AMI's `Name` tag
 * (the original resolved it with the `tag:Name` filter, newest image wins).
 */

/** `ami-` followed by 8 (older) or 17 hex digits. */
export const AMI_ID_PATTERN = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/**
 * EC2 tag values: up to 255 Unicode letters, digits, spaces and `_ . : / = + - @`.
 * `*` and `?` are accepted too: the `tag:Name` filter the value goes into treats
 * them as wildcards, and the original passed the value to that filter as is.
 */
const TAG_VALUE_PATTERN = /^[\p{L}\p{N}\p{Zs}_.:/=+\-@*?]{1,255}$/u;

/** Why `value` is not usable as `aws.ami`, or undefined when it is. */
export function amiProblem(value: string): string | undefined {
  if (value.includes('${')) return 'an AMI id or Name tag value, not an unsubstituted ${...} variable';
  if (value.trim() === '') return 'an AMI id (ami-0123456789abcdef0) or an AMI Name tag value; it is empty';
  if (value.startsWith('ami-')) {
    return AMI_ID_PATTERN.test(value) ? undefined : 'an AMI id: ami- followed by 8 or 17 lower-case hex digits (e.g. ami-0123456789abcdef0)';
  }
  if (!TAG_VALUE_PATTERN.test(value)) {
    return 'an AMI id (ami-...) or a Name tag value: at most 255 letters, digits, spaces and _ . : / = + - @ (and * ? as wildcards)';
  }
  return undefined;
}

/** True when `value` names an image by id rather than by its Name tag. */
export function isAmiId(value: string): boolean {
  return AMI_ID_PATTERN.test(value);
}
