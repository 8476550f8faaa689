import { config, errorsOf, lineOf, load } from './config-test-helpers';

const withVar = (line: string) => config(line);

describe('variables in cloud-compose.yml', () => {
  test('values come from the environment, then from .env beside the file (the environment wins)', () => {
    const yaml = config().replace('name: test-cluster', 'name: ${NAME}-${STAGE}');
    const outcome = load(yaml, { env: { NAME: 'from-env' }, dotenv: 'NAME=from-dotenv\nSTAGE=prod\n' });
    expect(outcome.config?.cluster.name).toBe('from-env-prod');
  });

  test('.env supports comments, quotes and export lines', () => {
    const yaml = config().replace('name: test-cluster', 'name: ${A}-${B}-${C}');
    const outcome = load(yaml, { dotenv: '# comment\nA=one\nB="two words"\nexport C=\'three\'\n' });
    expect(outcome.config?.cluster.name).toBe('one-two words-three');
  });

  test('an unset variable without default is an error naming it and its line and column', () => {
    const yaml = config('    keypair: ${KEYPAIR}');
    const errors = errorsOf(load(yaml));
    expect(errors).toHaveLength(1);
    const line = lineOf(yaml, '${KEYPAIR}');
    expect(errors[0]).toMatchObject({ line, column: yaml.split('\n')[line - 1].indexOf('${') + 1, path: 'cluster.aws.keypair' });
    expect(errors[0].message).toContain('KEYPAIR');
  });

  test('a value whose variable is missing is not reported a second time by the type rules', () => {
    const yaml = config().replace('ip: 10.0.1.10', 'ip: ${NODE_IP}');
    const errors = errorsOf(load(yaml));
    expect(errors.map((error) => error.path)).toEqual(['cluster.aws.nodes[0].ip']);
  });

  test('a plain value is typed after substitution: false is a boolean', () => {
    const outcome = load(withVar('    terminate_protection: ${TP}'), { env: { TP: 'false' } });
    expect(outcome.config?.cluster.aws.terminate_protection).toBe(false);
    expect(outcome.config?.clusterData).toMatchObject({ aws: { terminate_protection: false } });
  });

  test('YAML 1.1 typing applies to substituted text too: no is false, 0x10 is 16', () => {
    const outcome = load(withVar('    ebs_optimized: ${OPT}\n    metadata_hop_limit: ${HOPS}'), { env: { OPT: 'yes', HOPS: '0x3' } });
    expect(outcome.config?.cluster.aws.ebs_optimized).toBe(true);
    expect(outcome.config?.cluster.aws.metadata_hop_limit).toBe(3);
  });

  test('a quoted value stays a string after substitution', () => {
    const outcome = load(withVar('    terminate_protection: "${TP}"'), { env: { TP: 'false' } });
    const [error] = errorsOf(outcome);
    expect(error.path).toBe('cluster.aws.terminate_protection');
    expect(error.message).toContain('"false"');
  });

  test('numbers in plain values become numbers; the node id stays the id it names', () => {
    const yaml = config().replace('- id: 0', '- id: ${FIRST_ID}');
    const outcome = load(yaml, { env: { FIRST_ID: '7' } });
    expect(outcome.config?.cluster.aws.nodes?.[0].id).toBe(7);
  });

  test('an empty substitution is an empty string, not null', () => {
    const yaml = config('    keypair: ${EMPTY}');
    const outcome = load(yaml, { env: { EMPTY: '' } });
    expect(outcome.config?.cluster.aws.keypair).toBe('');
  });

  test('$$ gives a literal $ in the data templates see', () => {
    const yaml = config().replace('  name: test-cluster', () => '  name: test-cluster\n  environment:\n    PRICE: "$$5"\n    REF: $${NOT_A_VAR}');
    const outcome = load(yaml);
    expect(outcome.config?.clusterData.environment).toEqual({ PRICE: '$5', REF: '${NOT_A_VAR}' });
  });

  test('map keys are not substituted', () => {
    const yaml = config().replace('  name: test-cluster', '  name: test-cluster\n  environment:\n    ${KEY}: v');
    const outcome = load(yaml, { env: { KEY: 'X' } });
    expect(outcome.config?.clusterData.environment).toEqual({ '${KEY}': 'v' });
  });

  test('clusterData is the interpolated map without defaults; cluster has the defaults', () => {
    const yaml = config('    raid: { level: 0 }').replace('name: test-cluster', 'name: ${N:-dflt}');
    const outcome = load(yaml);
    expect(outcome.config?.clusterData.name).toBe('dflt');
    expect(outcome.config?.clusterData.aws).not.toHaveProperty('terminate_protection');
    expect(outcome.config?.clusterData.aws).toHaveProperty('raid', { level: 0 });
    expect(outcome.config?.cluster.aws.terminate_protection).toBe(true);
  });

  test('an alias of a value with a variable gets the substituted value', () => {
    const yaml = config().replace('subnet: subnet-a', 'subnet: &s ${SUBNET}').replace('subnet: subnet-b', 'subnet: *s');
    const outcome = load(yaml, { env: { SUBNET: 'subnet-x' } });
    expect(outcome.config?.cluster.aws.nodes?.map((node) => node.subnet)).toEqual(['subnet-x', 'subnet-x']);
  });

  test('a variable in a quoted value with escapes is located at its ${', () => {
    const yaml = config('    keypair: "a\\tb ${KP}"');
    const [error] = errorsOf(load(yaml));
    const line = lineOf(yaml, '${KP}');
    expect(error).toMatchObject({ line, column: yaml.split('\n')[line - 1].indexOf('${KP}') + 1 });
  });
});

describe('positions of unset variables in multi-line values', () => {
  test('a folded plain scalar and a literal block scalar', () => {
    const yaml = config('    instance_policy: |\n      {"Resource": "${BUCKET}",\n       "Other": "${BUCKET}"}\n    keypair: a\n      ${KP}');
    const errors = errorsOf(load(yaml));
    const lines = yaml.split('\n');
    const where = (needle: string, nth = 0) => {
      const hits = lines.flatMap((line, index) => (line.includes(needle) ? [{ line: index + 1, column: line.indexOf(needle) + 1 }] : []));
      return hits[nth];
    };
    expect(errors.map((error) => ({ line: error.line, column: error.column }))).toEqual([where('${BUCKET}', 0), where('${BUCKET}', 1), where('${KP}')]);
  });
});
