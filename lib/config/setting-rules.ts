/**
 * Rules on the contents of single settings that the schema only types:
 * `signal_timeout` (a duration CloudFormation accepts) and
 * `aws.instance_policy` (a policy document). Checked here so `validate`
 * reports them with their line; the construct checks them again for configs
 * built without the loader.
 */
import { instancePolicyProblem } from './instance-policy';
import { mapOrEmpty, RawMap } from './raw-data';
import { RawProblem } from './raw-problem';
import { parseSignalTimeout } from './signal-timeout';

/** Problems in `cluster.signal_timeout` and `cluster.aws.instance_policy` (raw, unvalidated data). */
export function settingRules(cluster: RawMap): RawProblem[] {
  const problems: RawProblem[] = [];
  const timeout = cluster.signal_timeout;
  if (typeof timeout === 'number' || typeof timeout === 'string') {
    const parsed = parseSignalTimeout(timeout);
    if ('problem' in parsed) problems.push({ path: ['cluster', 'signal_timeout'], message: parsed.problem, severity: 'error' });
  }
  const policy = mapOrEmpty(cluster.aws).instance_policy;
  if (typeof policy === 'string' || (policy !== null && typeof policy === 'object' && !Array.isArray(policy))) {
    const problem = instancePolicyProblem(policy);
    if (problem) problems.push({ path: ['cluster', 'aws', 'instance_policy'], message: problem, severity: 'error' });
  }
  return problems;
}
