/**
 * renderClusterScript / buildTemplateData / renderComposeFiles: the template
 * data the original built, the environment handling, the override template,
 * and one clear TemplateError per problem.
 */
import * as path from 'path';
import { loadConfig } from '../../../lib/config';
import {
  buildTemplateData,
  renderClusterScript,
  renderComposeFiles,
} from '../../../lib/user-data/templates/render-cluster-script';
import { TemplateError } from '../../../lib/user-data/templates/template-error';
import { configYaml, tempProject } from './support/temp-project';

function project(files: Record<string, string>) {
  const root = tempProject(files);
  return { root, config: loadConfig({ file: path.join(root, 'cloud-compose.yml'), env: {} }) };
}

function renderError(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(TemplateError);
    return error as TemplateError;
  }
  throw new Error('expected a TemplateError');
}

describe('template data', () => {
  const files = {
    'cloud-compose.yml': configYaml({ extra: '  environment:\n    FLAG: true\n    VERSION: 3.10\n    HOME: /config/home\n    DERIVED: "{{ VERSION }}-{{ HOME }}"\n  custom:\n    answer: 42\n' }),
    'templates/cluster.sh': 'x',
    'templates/docker-compose.override.yml': 'host: {{ name }}-{{ _node_id }} ami={{ aws.ami }}\n',
    'docker-compose.yml': 'services: {}\n',
  };

  test('is the cluster map at top level with _node_id, aws.ami resolved and aws.ami_name', () => {
    const { config } = project(files);
    const data = buildTemplateData(config, { nodeId: 1, amiId: 'ami-0abc', env: {} });
    expect(data.name).toBe('demo');
    expect(data.custom).toEqual({ answer: 42 });
    expect(data._node_id).toBe(1);
    expect(data.aws).toMatchObject({ ami: 'ami-0abc', ami_name: 'docker-host', username: 'ec2-user' });
    expect(data).not.toHaveProperty('cluster');
  });

  test('without a resolved AMI, aws.ami is the configured value', () => {
    const { config } = project(files);
    expect(buildTemplateData(config, { nodeId: 0, env: {} }).aws).toMatchObject({ ami: 'docker-host', ami_name: 'docker-host' });
  });

  test('docker_compose holds the raw compose file and the rendered override', () => {
    const { config } = project(files);
    const data = buildTemplateData(config, { nodeId: 1, amiId: 'ami-0abc', env: {} });
    // The override is rendered with the same data; one trailing newline dropped as Jinja2 does.
    expect(data.docker_compose).toEqual({ yaml: 'services: {}\n', override_yaml: 'host: demo-1 ami=ami-0abc' });
    expect(renderComposeFiles(config, { nodeId: 1, amiId: 'ami-0abc', env: {} })).toEqual({ yaml: 'services: {}\n', overrideYaml: 'host: demo-1 ami=ami-0abc' });
  });

  test('docker_compose keys are absent when the files are (the original crashed)', () => {
    const { config } = project({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': '{{ docker_compose.yaml is defined }}' });
    expect(buildTemplateData(config, { nodeId: 0, env: {} }).docker_compose).toEqual({});
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('False');
  });

  test('environment variables become top-level names; config keys win', () => {
    const { config } = project(files);
    const data = buildTemplateData(config, { nodeId: 0, env: { name: 'from-env', AWS_REGION: 'eu-west-1' } });
    expect(data.name).toBe('demo');
    expect(data.AWS_REGION).toBe('eu-west-1');
  });

  test('environment: entries are str()-ed like Python, rendered against the environment in file order, and never override the real environment', () => {
    const { config } = project(files);
    const env = { HOME: '/home/op' };
    const data = buildTemplateData(config, { nodeId: 0, env });
    expect(data.FLAG).toBe('True');
    expect(data.VERSION).toBe('3.1');
    expect(data.DERIVED).toBe('3.1-/home/op');
    expect(data.HOME).toBe('/home/op');
    // The map as written stays visible as `environment` (values unrendered).
    expect(data.environment).toEqual({ FLAG: true, VERSION: 3.1, HOME: '/config/home', DERIVED: '{{ VERSION }}-{{ HOME }}' });
    expect(buildTemplateData(config, { nodeId: 0, env: {} }).DERIVED).toBe('3.1-/config/home');
    expect(env).toEqual({ HOME: '/home/op' });
    expect(process.env.FLAG).toBeUndefined();
  });

  test('floats written with a zero fraction stay floats, as Python str() prints them', () => {
    const { config } = project({
      'cloud-compose.yml': configYaml({ extra: '  environment:\n    VERSION: 3.0\n    OTHER: 3.10\n  custom:\n    ratio: 2.0\n    list: [1.0, 2, 1_000.0]\n    quoted: "2.0"\n' }),
      'templates/cluster.sh': '{{ VERSION }} {{ OTHER }} {{ environment.VERSION }} {{ custom.ratio }} {{ custom.list }} {{ custom.ratio + 1 }} {{ custom.quoted }}',
    });
    // Python: str(3.0), str(3.10), str(2.0), str([1.0, 2, 1000.0]), str(2.0 + 1)
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('3.0 3.1 3.0 2.0 [1.0, 2, 1000.0] 3.0 2.0');
  });

  test('templates may mutate data without changing the config', () => {
    const { config } = project({
      'cloud-compose.yml': configYaml(),
      'templates/cluster.sh': '{% set _ = aws.nodes.append({"id": 9}) %}{{ aws.nodes | length }}',
    });
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('3');
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('3');
  });
});

describe('search path', () => {
  test('cluster.sh and its includes come from the first folder that has them; . is searched first', () => {
    const { config } = project({
      'cloud-compose.yml': configYaml({ searchPath: ['custom', 'base'] }),
      'base/cluster.sh': '{% include "a.sh" %}+{% include "b.sh" %}\n',
      'base/a.sh': 'base-a\n',
      'base/b.sh': 'base-b\n',
      'custom/b.sh': 'custom-b\n',
      'a.sh': 'dot-a\n',
    });
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('dot-a+custom-b');
  });

  test('the override template includes only from its own folder', () => {
    const { config } = project({
      'cloud-compose.yml': configYaml({ searchPath: ['templates', 'other'] }),
      'templates/cluster.sh': '{{ docker_compose.override_yaml }}',
      'templates/docker-compose.override.yml': '{% include "part.yml" %}',
      'other/part.yml': 'not visible',
    });
    const error = renderError(() => renderClusterScript(config, { nodeId: 0, env: {} }));
    expect(error.message).toMatch(/^docker-compose\.override\.yml \(.*templates\/docker-compose\.override\.yml\) line 1: template "part\.yml" not found/);
  });
});

describe('errors are one line naming template, file and line', () => {
  test('an undefined attribute', () => {
    const { root, config } = project({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': '#!/bin/bash\nsudo -u {{ aws.usrname }} true\n' });
    const error = renderError(() => renderClusterScript(config, { nodeId: 0, env: {} }));
    expect(error.message).toBe(`cluster.sh (${path.join(root, 'templates', 'cluster.sh')}) line 2: 'aws.usrname' is undefined`);
    expect(error.line).toBe(2);
    expect(error.message).not.toContain('\n');
  });

  test('inside an include, the partial is named', () => {
    const { root, config } = project({
      'cloud-compose.yml': configYaml(),
      'templates/cluster.sh': 'a\n{% include "partials/mounts.sh" %}\n',
      'templates/partials/mounts.sh': '\n\n{% for v in aws.volumes %}{% endfor %}\n',
    });
    expect(renderError(() => renderClusterScript(config, { nodeId: 0, env: {} })).message).toBe(
      `partials/mounts.sh (${path.join(root, 'templates', 'partials', 'mounts.sh')}) line 3: 'aws.volumes' is undefined`,
    );
  });

  test('a syntax error', () => {
    const { config } = project({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': 'a\nb\n{% if name %}\nno end\n' });
    const error = renderError(() => renderClusterScript(config, { nodeId: 0, env: {} }));
    expect(error.message).toMatch(/^cluster\.sh \(.*\) line \d+: syntax error: /);
    expect(error.message).not.toContain('\n');
  });

  test('a missing include', () => {
    const { config } = project({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': 'a\n{% include "nope.sh" %}' });
    expect(renderError(() => renderClusterScript(config, { nodeId: 0, env: {} })).message).toMatch(
      /^cluster\.sh \(.*\) line 2: template "nope\.sh" not found in the search path \(.*\)$/,
    );
  });

  test('a missing cluster.sh', () => {
    const { config } = project({ 'cloud-compose.yml': configYaml() });
    expect(renderError(() => renderClusterScript(config, { nodeId: 0, env: {} })).message).toMatch(/^cluster\.sh: template not found in the search path \(.*templates\)$/);
  });

  test('an undefined name in an environment: entry', () => {
    const { config } = project({ 'cloud-compose.yml': configYaml({ extra: '  environment:\n    URL: "{{ NOPE }}/x"\n' }), 'templates/cluster.sh': 'x' });
    expect(renderError(() => renderClusterScript(config, { nodeId: 0, env: {} })).message).toBe("cluster.environment.URL line 1: 'NOPE' is undefined");
  });
});

test('YAML timestamps print as PyYAML values print under Python str(): date and datetime', () => {
  // Expected values: str() of PyYAML's safe_load of the same scalars (datetime.date / datetime.datetime).
  const { config } = project({
    'cloud-compose.yml': configYaml({ extra: '  when: 2024-01-02\n  at: 2024-01-02 10:00:00\n  frac: 2024-01-02 10:00:00.25\n' }),
    'templates/cluster.sh': '{{ when }}|{{ at }}|{{ frac }}|{{ when | string }}',
  });
  expect(renderClusterScript(config, { env: {} })).toBe('2024-01-02|2024-01-02 10:00:00|2024-01-02 10:00:00.250000|2024-01-02');
});
