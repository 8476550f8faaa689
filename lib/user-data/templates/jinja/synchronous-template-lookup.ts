/**
 * How an environment finds templates for `include`, `import` and `from`:
 *
 * - Synchronously, errors included. nunjucks compiles an included template
 *   lazily and reports its syntax errors through `asap()`, i.e. after the
 *   render call has returned: the error escapes every try/catch and kills
 *   the process. Every template is compiled as soon as it is loaded here, so
 *   its syntax error is thrown inside the render, with the partial's location.
 * - As Jinja2 resolves names: a list of names takes the first one found
 *   (`select_template`), `ignore missing` renders nothing for a missing
 *   template, and a name not found is reported with the search path.
 */
import { SearchPathLoader } from './search-path-loader';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Callback = (error: unknown, template?: unknown) => void;

function describe(names: readonly unknown[]): string {
  return names.map((name) => (typeof name === 'string' ? `"${name}"` : String(name))).join(', ');
}

/** Replaces `env.getTemplate` of one nunjucks environment (nothing global changes). */
export function installSynchronousTemplateLookup(env: any, loader: SearchPathLoader | null): void {
  const original = env.getTemplate;
  env.getTemplate = function getTemplate(name: unknown, eagerCompile?: unknown, parentName?: unknown, ignoreMissing?: unknown, cb?: Callback): unknown {
    if (typeof parentName === 'function') {
      cb = parentName as Callback;
      parentName = null;
    }
    if (typeof eagerCompile === 'function') cb = eagerCompile as Callback;
    const fail = (error: Error): unknown => {
      if (cb) return cb(error);
      throw error;
    };
    if (name !== null && typeof name === 'object' && !Array.isArray(name)) {
      // A template object (nunjucks passes them through): compile it now, too.
      return original.call(this, name, true, parentName, ignoreMissing, cb);
    }
    const names: unknown[] = Array.isArray(name) ? name : [name];
    const nonString = names.find((candidate) => typeof candidate !== 'string');
    if (nonString !== undefined) return fail(new Error(`template names must be strings, got ${describe([nonString])}`));
    const found = names.find((candidate) => loader?.find(candidate as string) !== undefined);
    if (found === undefined) {
      if (ignoreMissing === true) return original.call(this, '', true, parentName, true, cb);
      const where = loader ? ` in the search path (${loader.searchPath.join(', ')})` : ' (this template cannot include others)';
      if (names.length === 1) return fail(new Error(`template ${describe(names)} not found${where}`));
      return fail(new Error(`none of the templates ${describe(names)} was found${where}`));
    }
    return original.call(this, found, true, parentName, ignoreMissing, cb);
  };
}
