/**
 * What the nodes' user data warns about (compose services that will not
 * start) reaches `cdk synth` as a warning annotation with the stable id
 * compose-cluster:user-data: once on the cluster when every node has it, else
 * on the instance (or launch template) concerned.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { LoadedConfig } from '../../lib/config';
import { defaultNodeUserData } from '../../lib/constructs';
import { Data, editedConfig, synthCluster } from './support';

const NOT_STARTED = 'compose services are not started: no docker-compose.yml or docker-compose.yaml on the search path';
const ACK = ' [ack: compose-cluster:user-data]';

/** Every warning of the stack that came from user data, as path -> message. */
function userDataWarnings(config: LoadedConfig, options: Parameters<typeof synthCluster>[1] = {}): Array<[string, unknown]> {
  const { stack } = synthCluster(config, options);
  return Annotations.fromStack(stack)
    .findWarning('*', Match.stringLikeRegexp('compose-cluster:user-data'))
    .map((message) => [message.id, message.entry.data]);
}

/** The fixture config, edited, with `docker-compose.yml` in its templates folder when `compose` is given. */
function config(fixture: string, options: { compose?: string; edit?: (cluster: Data) => void } = {}): LoadedConfig {
  const loaded = editedConfig(fixture, options.edit ?? (() => undefined));
  if (options.compose !== undefined) fs.writeFileSync(path.join(path.dirname(loaded.file), 'templates', 'docker-compose.yml'), options.compose);
  return loaded;
}

const COMPOSE = 'services:\n  kafka:\n    image: apache/kafka:3.9.0\n';

test('no compose file and start_compose on: one warning for the whole cluster, not one per node', () => {
  expect(userDataWarnings(config('three-nodes.yml'))).toEqual([['/Stack/Cluster', `every node: ${NOT_STARTED}${ACK}`]]);
});

test('a compose file on the search path: no warning', () => {
  expect(userDataWarnings(config('three-nodes.yml', { compose: COMPOSE }))).toEqual([]);
});

test('start_compose: false is a choice, not a warning', () => {
  expect(userDataWarnings(config('three-nodes.yml', { edit: (c) => { c.start_compose = false; } }))).toEqual([]);
});

test('a single node: the warning sits on its instance', () => {
  const single = config('three-nodes.yml', { edit: (c) => { c.aws.nodes = c.aws.nodes.slice(0, 1); } });
  expect(userDataWarnings(single)).toEqual([['/Stack/Cluster/Node0Instance', `${NOT_STARTED}${ACK}`]]);
});

test('ASG mode: the warning sits on the launch template', () => {
  expect(userDataWarnings(config('asg.yml'))).toEqual([['/Stack/Cluster/AutoScalingGroup/LaunchTemplate', `${NOT_STARTED}${ACK}`]]);
});

test('a warning only some nodes raise (custom user data) sits on those nodes\' instances', () => {
  const warnings = userDataWarnings(config('three-nodes.yml', { compose: COMPOSE }), {
    userData: (input) => {
      if (String(input.nodeId) !== '0') input.warn('this node has no seed list');
      return defaultNodeUserData(input);
    },
  });
  expect(warnings).toEqual([
    ['/Stack/Cluster/Node1Instance', `this node has no seed list${ACK}`],
    ['/Stack/Cluster/Node2Instance', `this node has no seed list${ACK}`],
  ]);
});

test('nested node stacks: the shared warning is still one, on the cluster', () => {
  expect(userDataWarnings(config('three-nodes.yml'), { nodesPerStack: 2 })).toEqual([['/Stack/Cluster', `every node: ${NOT_STARTED}${ACK}`]]);
});
