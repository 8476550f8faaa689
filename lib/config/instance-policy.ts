/**
 * `aws.instance_policy`: an IAM policy document, written as JSON text (as the
 * original took it) or as a YAML map.
 */

/** Why `policy` is not a usable policy document, or undefined when it is. */
export function instancePolicyProblem(policy: unknown): string | undefined {
  let document = policy;
  if (typeof policy === 'string') {
    try {
      document = JSON.parse(policy);
    } catch (error) {
      return `not valid JSON (${(error as Error).message}): expected an IAM policy document as JSON text, e.g. '{"Version": "2012-10-17", "Statement": [...]}', or as a YAML map`;
    }
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    return `the JSON text holds ${Array.isArray(document) ? 'a list' : 'a single value'}: expected an IAM policy document, a map (JSON object) with Version and Statement`;
  }
  if (!('Statement' in document)) return 'the policy document has no Statement key: expected a map with Version and Statement (a list of {Effect, Action, Resource})';
  return undefined;
}
