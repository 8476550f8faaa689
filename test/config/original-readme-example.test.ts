/**
 * The example config of the original plugin's README (copied verbatim into the
 * fixture) validates once its ${...} variables are set, and names each unset
 * variable with its line otherwise.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ConfigError, loadConfig } from '../../lib/config';

const FIXTURE = path.join(__dirname, 'fixtures', 'original-readme', 'cloud-compose.yml');
const TEXT = fs.readFileSync(FIXTURE, 'utf8');

/** Each `${NAME}` in the file with its 1-based line, read from the text itself. */
const REFERENCES = TEXT.split('\n').flatMap((line, index) => [...line.matchAll(/\$\{(\w+)\}/g)].map((match) => ({ name: match[1], line: index + 1, column: match.index + 1 })));

const ENV = {
  CLUSTER_NAME: 'mongodb',
  IMAGE_ID: 'ami-0123456789abcdef0',
  IMAGE_USERNAME: 'centos',
  SECURITY_GROUP_ID: 'sg-0123456789abcdef0',
  CLUSTER_NODE_0_IP: '10.0.1.10',
  CLUSTER_NODE_0_SUBNET: 'subnet-0a',
  CLUSTER_NODE_1_IP: '10.0.2.10',
  CLUSTER_NODE_1_SUBNET: 'subnet-0b',
  CLUSTER_NODE_2_IP: '10.0.3.10',
  CLUSTER_NODE_2_SUBNET: 'subnet-0c',
};

test('the fixture references the ten variables of the README', () => {
  expect(REFERENCES.map((reference) => reference.name).sort()).toEqual(Object.keys(ENV).sort());
});

test('with its variables set it validates', () => {
  const config = loadConfig({ file: FIXTURE, env: ENV });
  expect(config.cluster.name).toBe('mongodb');
  expect(config.cluster.aws.nodes?.map((node) => node.ip)).toEqual(['10.0.1.10', '10.0.2.10', '10.0.3.10']);
  expect(config.cluster.aws.volumes.map((volume) => volume.name)).toEqual(['root', 'docker', 'data']);
  expect(config.cluster.aws.security_groups).toBe('sg-0123456789abcdef0');
  expect(config.cluster.aws.terminate_protection).toBe(false);
  expect(config.warnings.filter((warning) => warning.severity === 'error')).toEqual([]);
});

test('an AMI Name tag works as well as an id', () => {
  expect(loadConfig({ file: FIXTURE, env: { ...ENV, IMAGE_ID: 'docker:1.10' } }).cluster.aws.ami).toBe('docker:1.10');
});

test('with its variables unset it fails naming each variable at its line and column', () => {
  let error: unknown;
  try {
    loadConfig({ file: FIXTURE, env: {} });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(ConfigError);
  const problems = (error as ConfigError).problems;
  expect(problems.every((problem) => problem.severity === 'error' && problem.file === FIXTURE)).toBe(true);
  expect(problems.map((problem) => ({ line: problem.line, column: problem.column, name: /variable (\w+)/.exec(problem.message)?.[1] }))).toEqual(
    REFERENCES.map((reference) => ({ line: reference.line, column: reference.column, name: reference.name })),
  );
});

test('one unset variable gives exactly one problem', () => {
  const { CLUSTER_NODE_1_IP: _unset, ...rest } = ENV;
  expect(() => loadConfig({ file: FIXTURE, env: rest })).toThrow(/CLUSTER_NODE_1_IP/);
  try {
    loadConfig({ file: FIXTURE, env: rest });
  } catch (error) {
    expect((error as ConfigError).problems).toHaveLength(1);
    expect((error as ConfigError).problems[0].path).toBe('cluster.aws.nodes[1].ip');
  }
});
