/**
 * The compat layer changes nunjucks only for its own environments: plain
 * nunjucks users in the same process keep nunjucks semantics.
 */
import * as nunjucks from 'nunjucks';
import { renderJinjaString } from '../../../lib/user-data/templates/jinja/jinja-environment';

test('a plain nunjucks environment keeps its own semantics after Jinja2 rendering', () => {
  expect(renderJinjaString('{{ flag }} {% if [] %}yes{% else %}no{% endif %} {{ 4 / 2 }}', { flag: false }, 'jinja')).toBe('False no 2.0');
  const plain = new nunjucks.Environment([], { autoescape: false });
  expect(plain.renderString('{{ flag }} {% if [] %}yes{% else %}no{% endif %} {{ 4 / 2 }} [{{ missing }}]', { flag: false })).toBe('false yes 2 []');
});
