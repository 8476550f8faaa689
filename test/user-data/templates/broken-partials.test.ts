/**
 * A problem inside an included or imported template is one TemplateError
 * naming that template, its file and line, thrown by the render call itself
 * (nunjucks reports an include's compile error asynchronously, which escaped
 * every try/catch and killed the process).
 */
import * as path from 'path';
import { loadConfig } from '../../../lib/config';
import { buildNodeUserData } from '../../../lib/user-data/node-user-data';
import { renderClusterScript } from '../../../lib/user-data/templates/render-cluster-script';
import { TemplateError } from '../../../lib/user-data/templates/template-error';
import { configYaml, tempProject } from './support/temp-project';

/** Each broken project: cluster.sh includes or imports the broken file at line 2; the problem is at `line` of `partial`. */
const BROKEN_PARTIALS = [
  { name: 'syntax error in an included partial', partial: 'part.sh', line: 3, detail: /syntax error/, files: { 'templates/cluster.sh': '#!/bin/sh\n{% include "part.sh" %}\n', 'templates/part.sh': 'echo a\n\n{% if name %}\n' } },
  { name: 'undefined name in an included partial', partial: 'part.sh', line: 2, detail: /'nope' is undefined/, files: { 'templates/cluster.sh': '#!/bin/sh\n{% include "part.sh" %}\n', 'templates/part.sh': 'echo a\n{{ nope }}\n' } },
  { name: 'missing nested include', partial: 'partials/part.sh', line: 2, detail: /template "gone.sh" not found in the search path/, files: { 'templates/cluster.sh': '#!/bin/sh\n{% include "partials/part.sh" %}\n', 'templates/partials/part.sh': 'echo a\n{% include "gone.sh" %}\n' } },
  { name: 'syntax error in an imported macro file', partial: 'macros.sh', line: 2, detail: /syntax error/, files: { 'templates/cluster.sh': '#!/bin/sh\n{% import "macros.sh" as m %}{{ m.greet() }}\n', 'templates/macros.sh': '{% macro greet() %}\n{{ 1 + }}\n{% endmacro %}\n' } },
  { name: 'syntax error in a from-imported macro file', partial: 'macros.sh', line: 1, detail: /syntax error/, files: { 'templates/cluster.sh': '#!/bin/sh\n{% from "macros.sh" import greet %}{{ greet() }}\n', 'templates/macros.sh': '{% macro greet( %}\n{% endmacro %}\n' } },
  { name: 'undefined name in a from-imported macro', partial: 'macros.sh', line: 2, detail: /'nope' is undefined/, files: { 'templates/cluster.sh': '#!/bin/sh\n{% from "macros.sh" import greet %}{{ greet() }}\n', 'templates/macros.sh': '{% macro greet() %}\n{{ nope }}\n{% endmacro %}\n' } },
  { name: 'syntax error in an extended template', partial: 'base.sh', line: 2, detail: /syntax error/, files: { 'templates/cluster.sh': '{% extends "base.sh" %}\n{% block b %}x{% endblock %}\n', 'templates/base.sh': '{% block b %}{% endblock %}\n{% for %}\n' } },
  { name: 'missing nested include in a list', partial: 'part.sh', line: 1, detail: /none of the templates "a.sh", "b.sh" was found in the search path/, files: { 'templates/cluster.sh': '{% include "part.sh" %}\n', 'templates/part.sh': '{% include ["a.sh", "b.sh"] %}\n' } },
] as const;

function project(files: Record<string, string>) {
  const root = tempProject({ 'cloud-compose.yml': configYaml(), ...files });
  return { root, config: loadConfig({ file: path.join(root, 'cloud-compose.yml'), env: {} }) };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

/** Lets anything nunjucks scheduled (asap / setImmediate) run, so a late throw would fail the test. */
const afterPendingCallbacks = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

describe.each(BROKEN_PARTIALS)('$name', ({ partial, line, detail, files }) => {
  test('renderClusterScript throws one TemplateError naming the partial, its file and line', async () => {
    const { root, config } = project(files);
    const error = thrown(() => renderClusterScript(config, { nodeId: 0, env: {} }));
    expect(error).toBeInstanceOf(TemplateError);
    const templateError = error as TemplateError;
    expect(templateError.templateName).toBe(partial);
    expect(templateError.file).toBe(path.join(root, 'templates', partial));
    expect(templateError.line).toBe(line);
    expect(templateError.detail).toMatch(detail);
    expect(templateError.message).toBe(`${partial} (${path.join(root, 'templates', partial)}) line ${line}: ${templateError.detail}`);
    await afterPendingCallbacks();
  });

  test('buildNodeUserData throws the same TemplateError', async () => {
    const { root, config } = project(files);
    const error = thrown(() => buildNodeUserData(config, { nodeId: 0, env: {} }));
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).file).toBe(path.join(root, 'templates', partial));
    expect((error as TemplateError).line).toBe(line);
    await afterPendingCallbacks();
  });
});

test('a broken partial of the override template is reported the same way', async () => {
  const { root, config } = project({
    'templates/cluster.sh': 'x',
    'templates/docker-compose.override.yml': 'a: 1\n{% include "part.yml" %}\n',
    'templates/part.yml': '{% for x in %}\n',
  });
  const error = thrown(() => buildNodeUserData(config, { nodeId: 0, env: {} }));
  expect(error).toBeInstanceOf(TemplateError);
  expect((error as TemplateError).templateName).toBe('part.yml');
  expect((error as TemplateError).file).toBe(path.join(root, 'templates', 'part.yml'));
  await afterPendingCallbacks();
});
