/**
 * `${VAR}` substitution in one string, with Docker Compose's syntax:
 *
 * | form | value |
 * |---|---|
 * | `${VAR}` | VAR; an error when VAR is unset |
 * | `${VAR:-default}` / `${VAR-default}` | default when VAR is unset or empty / unset |
 * | `${VAR:?message}` / `${VAR?message}` | an error with message when VAR is unset or empty / unset |
 * | `${VAR:+other}` / `${VAR+other}` | other when VAR is set and not empty / set, else empty |
 * | `$$` | a literal `$` |
 *
 * Defaults and messages may hold further `${...}`. Unlike Compose, an unbraced
 * `$VAR` stays literal: in existing configs it is usually meant for the node's
 * shell, and substituting this machine's value would be silently wrong.
 */

/** Where a variable's value comes from; undefined means unset. */
export type VariableLookup = (name: string) => string | undefined;

/** A substitution that failed. */
export interface InterpolationIssue {
  /** What went wrong, naming the variable. */
  readonly message: string;
  /** Offset of the offending `$` in the input text. */
  readonly offset: number;
  /** The variable concerned. @default undefined: the problem is not about one variable (e.g. a lone `${`) */
  readonly variable?: string;
}

export interface InterpolationResult {
  readonly value: string;
  /** True when the text held `${...}` or `$$`, i.e. the value differs from the text as written. */
  readonly changed: boolean;
  readonly issues: readonly InterpolationIssue[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const OPERATORS = [':-', ':?', ':+', '-', '?', '+'] as const;

/** Substitutes every `${...}` and `$$` in `text`. */
export function interpolateVariables(text: string, lookup: VariableLookup): InterpolationResult {
  const issues: InterpolationIssue[] = [];
  const value = substitute(text, 0, lookup, issues);
  return { value, changed: value !== text || text.includes('$$') || text.includes('${'), issues };
}

function substitute(text: string, baseOffset: number, lookup: VariableLookup, issues: InterpolationIssue[]): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0) {
      out += text.slice(i);
      break;
    }
    out += text.slice(i, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      i = dollar + 2;
      continue;
    }
    if (next !== '{') {
      out += '$';
      i = dollar + 1;
      continue;
    }
    const close = matchingBrace(text, dollar + 1);
    if (close < 0) {
      issues.push({ message: `unterminated variable reference "${text.slice(dollar)}": expected \${NAME} (write $$ for a literal $)`, offset: baseOffset + dollar });
      out += text.slice(dollar);
      break;
    }
    out += expand(text.slice(dollar + 2, close), baseOffset + dollar, lookup, issues);
    i = close + 1;
  }
  return out;
}

/** Index of the `}` closing the `{` at `open`, counting nested `${`; -1 when unterminated. */
function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '$' && text[i + 1] === '$') {
      i++;
    } else if (text[i] === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (text[i] === '{' && i === open) {
      depth++;
    } else if (text[i] === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

function expand(body: string, offset: number, lookup: VariableLookup, issues: InterpolationIssue[]): string {
  const name = NAME.exec(body)?.[0];
  const rest = name === undefined ? body : body.slice(name.length);
  const operator = OPERATORS.find((candidate) => rest.startsWith(candidate));
  if (name === undefined || (rest !== '' && operator === undefined)) {
    issues.push({
      message: `invalid variable reference "\${${body}}": expected \${NAME}, \${NAME:-default}, \${NAME-default}, \${NAME:?message} or \${NAME?message} with NAME made of letters, digits and _; write $\${...} for a literal \${...} (e.g. IAM policy variables)`,
      offset,
    });
    return `\${${body}}`;
  }
  const value = lookup(name);
  const argument = () => substitute(rest.slice(operator!.length), offset + 2 + name.length + operator!.length, lookup, issues);
  switch (operator) {
    case undefined:
      if (value === undefined) {
        issues.push({ message: `variable ${name} is not set and has no default: set it in the environment or in .env beside the config, or write \${${name}:-default}`, offset, variable: name });
        return '';
      }
      return value;
    case ':-':
      return value === undefined || value === '' ? argument() : value;
    case '-':
      return value === undefined ? argument() : value;
    case ':?':
    case '?':
      if (value === undefined || (operator === ':?' && value === '')) {
        const message = argument();
        issues.push({ message: `variable ${name} is ${value === undefined ? 'not set' : 'empty'}${message ? `: ${message}` : ''}`, offset, variable: name });
        return '';
      }
      return value;
    case ':+':
      return value !== undefined && value !== '' ? argument() : '';
    case '+':
      return value !== undefined ? argument() : '';
  }
  return '';
}
