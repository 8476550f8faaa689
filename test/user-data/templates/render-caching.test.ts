/**
 * Rendering reuses compiled templates, the marked cluster values and the
 * effective environment across nodes. None of that may change a result: a
 * template file changed on disk, a changed environment variable or another
 * config is always seen on the next render.
 */
import * as fs from 'fs';
import * as path from 'path';
import { loadConfig } from '../../../lib/config';
import { effectiveEnvironment } from '../../../lib/user-data/templates';
import { buildTemplateData, renderClusterScript, renderComposeFiles } from '../../../lib/user-data/templates/render-cluster-script';
import { TemplateError } from '../../../lib/user-data/templates/template-error';
import { configYaml, tempProject } from './support/temp-project';

function project(files: Record<string, string>) {
  const root = tempProject(files);
  return { root, config: loadConfig({ file: path.join(root, 'cloud-compose.yml'), env: {} }) };
}

/** Rewrites `file` with `text` and gives it back its old modification time, as a fast editor or a checkout may. */
function rewriteKeepingTimes(file: string, text: string): void {
  const before = fs.statSync(file);
  fs.writeFileSync(file, text);
  fs.utimesSync(file, before.atime, before.mtime);
}

describe('a template changed between renders of the same config', () => {
  test('cluster.sh: the new text is rendered, even with the same size and modification time', () => {
    const { root, config } = project({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': 'A {{ _node_id }}' });
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('A 0');
    rewriteKeepingTimes(path.join(root, 'templates/cluster.sh'), 'B {{ _node_id }}');
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('B 0');
  });

  test('an included partial', () => {
    const { root, config } = project({
      'cloud-compose.yml': configYaml(),
      'templates/cluster.sh': "{% include 'partials/part.sh' %}",
      'templates/partials/part.sh': 'one {{ name }}',
    });
    expect(renderClusterScript(config, { nodeId: 1, env: {} })).toBe('one demo');
    rewriteKeepingTimes(path.join(root, 'templates/partials/part.sh'), 'two {{ name }}');
    expect(renderClusterScript(config, { nodeId: 1, env: {} })).toBe('two demo');
  });

  test('the override file', () => {
    const { root, config } = project({
      'cloud-compose.yml': configYaml(),
      'templates/cluster.sh': '{{ docker_compose.override_yaml }}',
      'templates/docker-compose.override.yml': 'x: {{ _node_id }}\n',
      'templates/docker-compose.yml': 'services: {}\n',
    });
    expect(renderComposeFiles(config, { nodeId: 2, env: {} }).overrideYaml).toBe('x: 2');
    rewriteKeepingTimes(path.join(root, 'templates/docker-compose.override.yml'), 'y: {{ _node_id }}\n');
    expect(renderComposeFiles(config, { nodeId: 2, env: {} }).overrideYaml).toBe('y: 2');
    expect(renderClusterScript(config, { nodeId: 2, env: {} })).toBe('y: 2');
  });

  test('a syntax error is reported, and once fixed the template renders', () => {
    const { root, config } = project({ 'cloud-compose.yml': configYaml(), 'templates/cluster.sh': 'ok {{ name }}' });
    const file = path.join(root, 'templates/cluster.sh');
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('ok demo');
    fs.writeFileSync(file, 'broken {{ name ');
    expect(() => renderClusterScript(config, { nodeId: 0, env: {} })).toThrow(TemplateError);
    fs.writeFileSync(file, 'fixed {{ name }}');
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe('fixed demo');
  });
});

describe('configs rendered in the same process', () => {
  test('the same template text in two projects renders each with its own data', () => {
    const template = '{{ name }} {{ VERSION }} {{ aws.username }}';
    const first = project({
      'cloud-compose.yml': configYaml({ extra: '  environment:\n    VERSION: "1"\n' }),
      'templates/cluster.sh': template,
    });
    const second = project({
      'cloud-compose.yml': configYaml({ extra: '  environment:\n    VERSION: "2"\n' }).replace('name: demo', 'name: other').replace('ec2-user', 'admin'),
      'templates/cluster.sh': template,
    });
    expect(renderClusterScript(first.config, { nodeId: 0, env: {} })).toBe('demo 1 ec2-user');
    expect(renderClusterScript(second.config, { nodeId: 0, env: {} })).toBe('other 2 admin');
    expect(renderClusterScript(first.config, { nodeId: 0, env: {} })).toBe('demo 1 ec2-user');
  });

  test('a template that changes its data (list.append) does not change the next render', () => {
    const { config } = project({
      'cloud-compose.yml': configYaml({ extra: '  tags:\n    - a\n' }),
      'templates/cluster.sh': '{% set _ = tags.append(_node_id) %}{{ tags }}',
    });
    expect(renderClusterScript(config, { nodeId: 0, env: {} })).toBe("['a', 0]");
    expect(renderClusterScript(config, { nodeId: 1, env: {} })).toBe("['a', 1]");
  });
});

describe('the effective environment', () => {
  const files = {
    'cloud-compose.yml': configYaml({ extra: '  environment:\n    GREETING: "hello {{ WHO }}"\n' }),
    'templates/cluster.sh': '{{ GREETING }}',
  };

  test('follows a changed real environment, also when the same object is changed in place', () => {
    const { config } = project(files);
    const env: Record<string, string | undefined> = { WHO: 'alice' };
    expect(renderClusterScript(config, { nodeId: 0, env })).toBe('hello alice');
    env.WHO = 'bob';
    expect(renderClusterScript(config, { nodeId: 0, env })).toBe('hello bob');
    env.GREETING = 'set outside';
    expect(renderClusterScript(config, { nodeId: 0, env })).toBe('set outside');
    delete env.GREETING;
    env.WHO = 'alice';
    expect(renderClusterScript(config, { nodeId: 0, env })).toBe('hello alice');
  });

  test('each call returns its own object', () => {
    const { config } = project(files);
    const first = effectiveEnvironment(config.clusterData, { WHO: 'carol' });
    first.GREETING = 'changed by a caller';
    expect(effectiveEnvironment(config.clusterData, { WHO: 'carol' }).GREETING).toBe('hello carol');
    expect(buildTemplateData(config, { nodeId: 0, env: { WHO: 'carol' } }).GREETING).toBe('hello carol');
  });
});
