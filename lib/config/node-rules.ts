/**
 * Rules across `aws.nodes` / `aws.asg`: exactly one of them, unique node ids
 * and IPs, private addresses.
 */
import { describeValue } from './describe-value';
import { isRawMap, listOrEmpty, mapOrEmpty, RawMap } from './raw-data';
import { RawProblem } from './raw-problem';

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Private ranges: RFC 1918 and the RFC 6598 shared space (100.64.0.0/10). */
const PRIVATE_RANGES: readonly [string, number][] = [
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
];

/** True for an address in RFC 1918 or 100.64.0.0/10 space. */
export function isPrivateIpv4(ip: string): boolean {
  if (!IPV4.test(ip)) return false;
  const value = ipToNumber(ip);
  return PRIVATE_RANGES.some(([base, bits]) => (value >>> (32 - bits)) === (ipToNumber(base) >>> (32 - bits)));
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0);
}

/** Problems in the node layout of `cluster` (raw, unvalidated data). */
export function nodeRules(cluster: RawMap): RawProblem[] {
  const aws = mapOrEmpty(cluster.aws);
  if (!isRawMap(cluster.aws)) return [];
  const problems: RawProblem[] = [];
  const hasNodes = aws.nodes !== undefined && aws.nodes !== null;
  const hasAsg = aws.asg !== undefined && aws.asg !== null;
  if (hasNodes && hasAsg) {
    problems.push({ path: ['cluster', 'aws', 'asg'], target: 'key', severity: 'error', message: 'both nodes and asg are set: expected exactly one of them (nodes: fixed-IP instances, asg: an Auto Scaling group)' });
  } else if (!hasNodes && !hasAsg) {
    problems.push({ path: ['cluster', 'aws'], severity: 'error', message: 'neither nodes nor asg is set: expected exactly one of them (nodes: a list of {id, ip, subnet}, asg: {subnets})' });
  }

  const ids = new Map<string, number>();
  const ips = new Map<string, number>();
  listOrEmpty(aws.nodes).forEach((node, index) => {
    if (!isRawMap(node)) return;
    const path = ['cluster', 'aws', 'nodes', index];
    if ((typeof node.id === 'number' || typeof node.id === 'string') && node.id !== '') {
      const id = String(node.id);
      const first = ids.get(id);
      if (first !== undefined) {
        problems.push({ path: [...path, 'id'], severity: 'error', message: `duplicate node id ${describeValue(node.id)}: nodes[${first}] has it too; expected a unique id per node (it names the instance <name>-<id>)` });
      } else {
        ids.set(id, index);
      }
    }
    if (typeof node.ip === 'string' && IPV4.test(node.ip)) {
      const first = ips.get(node.ip);
      if (first !== undefined) {
        problems.push({ path: [...path, 'ip'], severity: 'error', message: `duplicate node ip "${node.ip}": nodes[${first}] has it too; expected a unique IP per node` });
      } else {
        ips.set(node.ip, index);
      }
      // A warning, not an error: a VPC may use publicly routable CIDR blocks, and
      // the address must lie in the node's subnet anyway, which EC2 checks.
      if (!isPrivateIpv4(node.ip)) {
        problems.push({ path: [...path, 'ip'], severity: 'warning', message: `"${node.ip}" is not a private address (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 100.64.0.0/10); it must lie inside the subnet's CIDR block` });
      }
    }
  });
  return problems;
}
