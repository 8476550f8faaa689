import { stackNameFor } from '../../bin/app/build-app';

describe('stackNameFor', () => {
  test('a cluster name that is a valid stack name is kept', () => {
    expect(stackNameFor('mongodb-prod')).toBe('mongodb-prod');
  });

  test('characters CloudFormation does not allow become hyphens', () => {
    expect(stackNameFor('kafka_prod.eu west')).toBe('kafka-prod-eu-west');
    expect(stackNameFor('--zk--')).toBe('zk');
  });

  test('a name that does not start with a letter gets a prefix instead of losing characters', () => {
    expect(stackNameFor('1st-cluster')).toBe('cluster-1st-cluster');
    expect(stackNameFor('___')).toBe('cluster');
  });

  test('names are cut at 128 characters', () => {
    expect(stackNameFor('a'.repeat(200))).toHaveLength(128);
  });
});
