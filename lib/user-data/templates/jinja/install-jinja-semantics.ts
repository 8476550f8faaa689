/**
 * The one place the compat layer changes nunjucks globally.
 *
 * 1. `nunjucks.installJinjaCompat()` (nunjucks' own, global by design): adds
 *    Python slice syntax (`items[1:]`) to the shared parser and compiler.
 * 2. `compiler.compile` is wrapped: templates of an environment created with
 *    the option `jinjaCompat: true` are parsed by `JinjaParser` and compiled by
 *    `JinjaCompiler`; every other nunjucks user in the process is unaffected.
 */
import * as nunjucks from 'nunjucks';
import { JinjaCompiler } from './jinja-compiler';
import { parseJinja } from './jinja-parser';
import { LocatedTemplateError, errorDetail } from './located-error';
import { compilerModule, transformer } from './nunjucks-internals';
import { memoizedCompile } from './compiled-code-cache';

let installed = false;

/* eslint-disable @typescript-eslint/no-explicit-any */
function compileJinja(src: string, asyncFilters: unknown, extensions: any[] | undefined, name: string, opts: any): string {
  const pure = (extensions ?? []).length === 0 && (!Array.isArray(asyncFilters) || asyncFilters.length === 0);
  if (!pure) return compileJinjaNow(src, asyncFilters, extensions, name, opts);
  // Everything the lexer, parser and compiler read (name: error messages in the code).
  const key = JSON.stringify([name, opts.throwOnUndefined, opts.trimBlocks, opts.lstripBlocks, opts.tags, src]);
  return memoizedCompile(key, () => compileJinjaNow(src, asyncFilters, extensions, name, opts));
}

function compileJinjaNow(src: string, asyncFilters: unknown, extensions: any[] | undefined, name: string, opts: any): string {
  try {
    const preprocessed = (extensions ?? []).map((ext) => ext.preprocess).filter(Boolean).reduce((s: string, pre: any) => pre(s), src);
    const compiler: any = new (JinjaCompiler as any)(name, opts.throwOnUndefined);
    compiler.compile(transformer.transform(parseJinja(preprocessed, extensions, opts), asyncFilters, name));
    return compiler.getCode();
  } catch (error) {
    if (error instanceof LocatedTemplateError) throw error;
    const lineno = (error as { lineno?: number }).lineno;
    // nunjucks' parser dereferences the missing token when a template ends inside a tag.
    const detail = /Cannot read properties of (null|undefined)/.test(errorDetail(error)) ? 'unexpected end of template (an unclosed tag or expression)' : errorDetail(error);
    // Errors at the end of the template come without a line: that is the last line.
    const line = typeof lineno === 'number' ? lineno : src.split('\n').length;
    throw new LocatedTemplateError(`syntax error: ${detail}`, name, line);
  }
}

/** Idempotent. */
export function installJinjaSemantics(): void {
  if (installed) return;
  installed = true;
  nunjucks.installJinjaCompat();
  const original = compilerModule.compile;
  compilerModule.compile = function compile(src: string, asyncFilters: unknown, extensions: any[], name: string, opts: any): string {
    if (opts && opts.jinjaCompat === true) return compileJinja(src, asyncFilters, extensions, name, opts);
    return original.call(this, src, asyncFilters, extensions, name, opts);
  };
}
