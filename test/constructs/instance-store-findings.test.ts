/** When EC26 (EBS encryption) is acknowledged for an instance-store mapping: only when nothing else is left for it to find. */
import { onlyInstanceStoreUnreadable } from '../../lib/constructs/inherent-findings';

const store = { deviceName: '/dev/xvdb', virtualName: 'ephemeral0' };
const encrypted = { deviceName: '/dev/xvda', ebs: { volumeSize: 20, encrypted: true } };
const unencrypted = { deviceName: '/dev/xvdz', ebs: { volumeSize: 20, encrypted: false } };
const unset = { deviceName: '/dev/xvdz', ebs: { volumeSize: 20 } };

test.each([
  ['an instance-store mapping beside encrypted EBS mappings', [encrypted, store], true],
  ['an instance-store mapping alone', [store], true],
  ['no instance-store mapping (the rule does not throw)', [encrypted], false],
  ['an unencrypted EBS mapping beside the instance store', [encrypted, store, unencrypted], false],
  ['an EBS mapping without an encryption setting beside the instance store', [store, unset], false],
  ['no mappings', [], false],
  ['mappings not known at synth (a token)', undefined, false],
])('%s: %s', (_case, mappings, expected) => {
  expect(onlyInstanceStoreUnreadable(mappings)).toBe(expected);
});
