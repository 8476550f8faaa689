/**
 * The parts of nunjucks that its public types do not describe: the parser,
 * compiler, AST node classes and runtime the compat layer extends.
 * Everything here is read-only access; the only global change is made (and
 * documented) in `install-jinja-semantics.ts`.
 */
import * as nunjucks from 'nunjucks';

/* eslint-disable @typescript-eslint/no-explicit-any */
const internals = nunjucks as any;

/** `nunjucks/src/nodes`: AST node classes (`Node.extend(name, { fields })` makes new ones). */
export const nodes: any = internals.nodes;
/** `nunjucks/src/parser`: `Parser` class and `parse()`. */
export const parserModule: any = internals.parser;
/** `nunjucks/src/compiler`: `Compiler` class and `compile()` (called by `Template`). */
export const compilerModule: any = internals.compiler;
/** `nunjucks/src/lexer`: `lex()` and token type names. */
export const lexer: any = internals.lexer;
/** `nunjucks/src/runtime`: the functions compiled templates call as `runtime.*`. */
export const runtime: any = internals.runtime;
/** `nunjucks/src/lib`: helpers and nunjucks' own `TemplateError`. */
export const lib: any = internals.lib;
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const transformer: any = require('nunjucks/src/transformer');
