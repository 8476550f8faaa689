/**
 * AST nodes the Jinja2 compat layer adds to nunjucks' own. They only exist
 * between `JinjaParser` and `JinjaCompiler`.
 */
import { nodes } from './nunjucks-internals';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** `target` tested for truth the Python way (StrictUndefined raises). */
export const PyTruthy: any = nodes.Node.extend('PyTruthy', { fields: ['target'] });
/** `target` as a sequence to loop over (dict keys, str characters; undefined raises). */
export const PyIter: any = nodes.Node.extend('PyIter', { fields: ['target'] });
/** Inside the first pass of `{% for x in items if cond %}`: keeps the items for which `cond` holds. */
export const PyCollect: any = nodes.Node.extend('PyCollect', { fields: ['cond', 'item', 'list'] });
/** A float literal with an integral value (`1.0`): prints as `1.0`. */
export const PyFloatLiteral: any = nodes.Node.extend('PyFloatLiteral', { fields: ['value'] });
/** `{% with a = 1, b = x %}body{% endwith %}`: `targets` is a list of `{ name, value }`. */
export const PyWith: any = nodes.Node.extend('PyWith', { fields: ['targets', 'body'] });
