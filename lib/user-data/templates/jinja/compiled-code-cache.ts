/**
 * A process-wide memo of compiled template code (the JavaScript nunjucks
 * turns a template into). Compiling is a pure function of the template's
 * source text, its name and the lexer/compiler options, and the key holds all
 * of them, so a changed file is never served stale and no state passes
 * between configs. Bounded: the oldest entry goes first.
 */
const MAX_ENTRIES = 500;

const codeByKey = new Map<string, string>();

/** The code for `key`: memoized, or made by `compile` (whose errors are not memoized). */
export function memoizedCompile(key: string, compile: () => string): string {
  const cached = codeByKey.get(key);
  if (cached !== undefined) return cached;
  const code = compile();
  if (codeByKey.size >= MAX_ENTRIES) codeByKey.delete(codeByKey.keys().next().value as string);
  codeByKey.set(key, code);
  return code;
}
