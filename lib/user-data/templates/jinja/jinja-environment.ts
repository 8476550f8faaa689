/**
 * Renders templates with Jinja2 semantics on nunjucks: the entry point of the
 * compat layer. Each render uses a fresh environment (no template cache
 * shared between configs; only the compiled code is memoized, by source text:
 * see `compiled-code-cache.ts`) whose errors all become one `TemplateError`.
 */
import * as nunjucks from 'nunjucks';
import { TemplateError } from '../template-error';
import { installJinjaSemantics } from './install-jinja-semantics';
import { jinjaFilters, jinjaTests, UNDEFINED_TOLERANT_FILTERS } from './jinja-filters';
import { createJinjaRuntime } from './jinja-runtime';
import { Namespace } from './namespace';
import { LocatedTemplateError, errorDetail } from './located-error';
import { SearchPathLoader, jinjaSource } from './search-path-loader';
import { printedAs } from './python-values';
import { isUndefined } from './strict-undefined';
import { installSynchronousTemplateLookup } from './synchronous-template-lookup';

const NUNJUCKS_ONLY_FILTERS = ['dump', 'nl2br'];

/* eslint-disable @typescript-eslint/no-explicit-any */
function createEnvironment(loader: SearchPathLoader | null): any {
  installJinjaSemantics();
  const env: any = new nunjucks.Environment((loader ?? []) as nunjucks.ILoader | never[], {
    autoescape: false,
    // Keeps errors as objects (with their template line) instead of flattening them to text.
    dev: true,
    jinjaCompat: true,
    jinjaRuntime: createJinjaRuntime(),
  } as nunjucks.ConfigureOptions);
  installSynchronousTemplateLookup(env, loader);
  for (const [name, test] of Object.entries(jinjaTests())) env.addTest(name, test);
  const filters = jinjaFilters(
    (name) => env.getTest(name),
    (name) => env.getFilter(name),
  );
  for (const [name, filter] of Object.entries(filters)) env.addFilter(name, filter);
  // nunjucks' own filters that Jinja2 does not have: unknown there, so unknown here.
  for (const name of NUNJUCKS_ONLY_FILTERS) delete env.filters[name];
  for (const [name, filter] of Object.entries(env.filters as Record<string, (...args: unknown[]) => unknown>)) {
    if (UNDEFINED_TOLERANT_FILTERS.has(name)) continue;
    env.filters[name] = function strictFilter(this: unknown, value: unknown, ...args: unknown[]) {
      if (isUndefined(value)) value.fail();
      return filter.call(this, value, ...args);
    };
  }
  const keywordArguments = (kwargs?: Record<string, unknown>) => {
    const { __keywords: _ignored, ...entries } = kwargs ?? {};
    return entries;
  };
  env.addGlobal('dict', keywordArguments);
  env.addGlobal('range', (...args: unknown[]) => {
    const [start, stop, step = 1] = (args.length === 1 ? [0, args[0]] : args).map(Number);
    if (step === 0) throw new Error('ValueError: range() arg 3 must not be zero');
    const items: number[] = [];
    for (let i = start; step > 0 ? i < stop : i > stop; i += step) items.push(i);
    return printedAs(items, () => `range(${start}, ${stop}${step !== 1 ? `, ${step}` : ''})`);
  });
  env.addGlobal('namespace', (kwargs?: Record<string, unknown>) => new Namespace(keywordArguments(kwargs)));
  return env;
}

function toTemplateError(error: unknown, loader: SearchPathLoader | null, fallbackName?: string): TemplateError {
  if (error instanceof TemplateError) return error;
  if (error instanceof LocatedTemplateError) {
    const file = error.templatePath;
    const name = (file && loader?.nameOf(file)) ?? fallbackName ?? file;
    return new TemplateError(error.detail, name, file && file !== name ? file : undefined, error.line);
  }
  return new TemplateError(errorDetail(error), fallbackName);
}

/**
 * Renders template `name`, found through `searchPath` (first match wins; its
 * includes are resolved the same way), with `data` as its top-level names.
 * @throws TemplateError
 */
export function renderJinjaTemplate(searchPath: readonly string[], name: string, data: Record<string, unknown>): string {
  const loader = new SearchPathLoader(searchPath);
  if (!loader.find(name)) {
    throw new TemplateError(`template not found in the search path (${searchPath.join(', ')})`, name);
  }
  try {
    const env = createEnvironment(loader);
    return env.getTemplate(name, true).render(data);
  } catch (error) {
    throw toTemplateError(error, loader, name);
  }
}

/**
 * Renders a template given as text (no includes).
 * @param label names the text in errors, e.g. `cluster.environment.VERSION`
 * @throws TemplateError
 */
export function renderJinjaString(source: string, data: Record<string, unknown>, label: string): string {
  try {
    const env = createEnvironment(null);
    return new nunjucks.Template(jinjaSource(source), env, label, true).render(data);
  } catch (error) {
    throw toTemplateError(error, null, label);
  }
}
