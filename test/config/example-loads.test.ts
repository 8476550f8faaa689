import * as path from 'path';
import { loadConfig } from '../../lib';

test('the bundled example loads', () => {
  const config = loadConfig({ file: path.join(__dirname, '../../examples/mongodb/cloud-compose/cloud-compose.yml'), env: { CLUSTER_NAME: 'mongodb-prod', IMAGE_NAME: 'img', SECURITY_GROUP_ID: 'sg-1', KEYPAIR: 'k', CLUSTER_NODE_0_IP: '10.20.1.10', CLUSTER_NODE_1_IP: '10.20.2.10', CLUSTER_NODE_2_IP: '10.20.3.10', CLUSTER_NODE_0_SUBNET: 'subnet-a', CLUSTER_NODE_1_SUBNET: 'subnet-b', CLUSTER_NODE_2_SUBNET: 'subnet-c' } });
  expect(config.cluster.name).toBe('mongodb-prod');
  expect(config.cluster.aws.nodes).toHaveLength(3);
  expect(config.baseDir).toBe(path.join(__dirname, '../../examples/mongodb'));
});
