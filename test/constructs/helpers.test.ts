/**
 * The small pure helpers: IPv4 checks, log retention mapping, signal timeouts.
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ComposeCluster, ipProblemInSubnet, nearestRetention, signalTimeoutSeconds } from '../../lib/constructs';
import { ENV, FIXTURES, tempDir, threeNodeContext } from './support';

describe('ipProblemInSubnet', () => {
  test.each([
    ['10.0.0.4', '10.0.0.0/28', undefined],
    ['10.0.0.14', '10.0.0.0/28', undefined],
    ['10.0.0.15', '10.0.0.0/28', 'broadcast'],
    ['10.0.0.3', '10.0.0.0/28', 'reserves'],
    ['10.0.0.16', '10.0.0.0/28', 'outside'],
    ['172.31.255.254', '172.31.0.0/16', undefined],
    ['172.31.0.2', '172.31.0.0/16', 'reserves'],
  ])('%s in %s', (ip, cidr, expected) => {
    const problem = ipProblemInSubnet(ip, cidr);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(expected);
  });

  test('names the usable range', () => {
    expect(ipProblemInSubnet('10.1.2.1', '10.1.2.0/24')).toContain('use 10.1.2.4 to 10.1.2.254');
  });
});

describe('nearestRetention', () => {
  test.each([
    [1, 1, true], [30, 30, true], [10, 7, false], [11, 14, false], [45, 60, false], [3653, 3653, true], [5000, 3653, false],
  ])('%d days -> %d', (days, retention, exact) => {
    expect(nearestRetention(days)).toEqual({ retention, exact });
  });

  test('rejects non-positive days', () => {
    expect(() => nearestRetention(0)).toThrow(/positive/);
  });
});

describe('signalTimeoutSeconds', () => {
  test.each([[15, 900], ['30m', 1800], ['1h', 3600], ['90s', 90], ['20', 1200], ['12h', 43200]])('%s -> %d s', (value, seconds) => {
    expect(signalTimeoutSeconds(value)).toBe(seconds);
  });

  test.each(['13h', 'soon', '0'])('%s is rejected', (value) => {
    expect(() => signalTimeoutSeconds(value)).toThrow(/signal_timeout/);
  });
});

test('ComposeCluster.fromFile loads the file and builds the cluster', () => {
  const app = new App({ context: threeNodeContext() });
  const stack = new Stack(app, 'Stack', { env: ENV });
  const cluster = ComposeCluster.fromFile(stack, 'Cluster', path.join(FIXTURES, 'three-nodes.yml'), { env: {}, lockFile: path.join(tempDir(), 'lock.json') });
  expect(cluster.clusterName).toBe('kafka-test');
  Template.fromStack(stack).resourceCountIs('AWS::EC2::Instance', 3);
});
