/**
 * nunjucks' parser with Jinja2's `{% for x in items if cond %}` loop filter
 * and test arguments without parentheses (`x is divisibleby 3`).
 * nunjucks reads `items if cond` as an inline if without else and silently
 * loops over nothing when `cond` is false; Jinja2 filters the items first
 * (`loop.index`/`loop.length` count only the kept ones).
 */
import { PyFloatLiteral, PyWith } from './jinja-nodes';
import { lexer, nodes, parserModule } from './nunjucks-internals';

/** nunjucks' tags that Jinja2 does not have: unknown tags there, so errors here. */
const NUNJUCKS_ONLY_TAGS = new Set(['asyncEach', 'asyncAll', 'ifAsync', 'elseif', 'switch', 'verbatim']);

/* eslint-disable @typescript-eslint/no-explicit-any */
export class JinjaParser extends parserModule.Parser {
  /** Keeps `1.0` a float (nunjucks makes it the number 1, which prints as `1`). */
  public parsePrimary(this: any, noPostfix?: boolean): any {
    const tok = this.peekToken();
    if (tok && tok.type === lexer.TOKEN_REGEX) this.fail('regular expression literals (r/.../) are nunjucks syntax, not Jinja2', tok.lineno, tok.colno);
    if (tok && tok.type === lexer.TOKEN_NONE && tok.value === 'null') {
      // Jinja2 knows `none`/`None`, not `null`: an ordinary (here undefined) name.
      this.nextToken();
      const name = new nodes.Symbol(tok.lineno, tok.colno, 'null');
      return noPostfix ? name : this.parsePostfix(name);
    }
    const literal = numberLiteral(this, tok);
    if (literal !== undefined) return noPostfix ? literal : this.parsePostfix(literal);
    if (tok && tok.type === lexer.TOKEN_FLOAT && Number.isInteger(parseFloat(tok.value))) {
      this.nextToken();
      const node = new PyFloatLiteral(tok.lineno, tok.colno, parseFloat(tok.value));
      return noPostfix ? node : this.parsePostfix(node);
    }
    return super.parsePrimary(noPostfix);
  }

  /** Jinja2's `set`: `{% set a, b = 1, 2 %}` unpacks, `{% set t = 1, 2 %}` makes a tuple. */
  public parseSet(this: any): any {
    const tag = this.peekToken();
    if (!this.skipSymbol('set')) this.fail('parseSet: expected set', tag.lineno, tag.colno);
    const node = new nodes.Set(tag.lineno, tag.colno, []);
    do node.targets.push(this.parsePrimary());
    while (this.skip(lexer.TOKEN_COMMA));
    if (!this.skipValue(lexer.TOKEN_OPERATOR, '=')) {
      if (!this.skip(lexer.TOKEN_BLOCK_END)) this.fail('parseSet: expected = or block end in set tag', tag.lineno, tag.colno);
      if (node.targets.length > 1) this.fail('set: a block set takes one name', tag.lineno, tag.colno);
      node.body = new nodes.Capture(tag.lineno, tag.colno, this.parseUntilBlocks('endset'));
      node.value = null;
      this.advanceAfterBlockEnd();
      return node;
    }
    const values = [this.parseExpression()];
    while (this.skip(lexer.TOKEN_COMMA)) values.push(this.parseExpression());
    // Several values are a tuple, compiled as `(a, b)` is.
    node.value = values.length > 1 ? new nodes.Group(tag.lineno, tag.colno, values) : values[0];
    this.advanceAfterBlockEnd(tag.value);
    return node;
  }

  public parseStatement(this: any): any {
    const tok = this.peekToken();
    if (tok && tok.type === lexer.TOKEN_SYMBOL && NUNJUCKS_ONLY_TAGS.has(tok.value)) this.fail(`unknown tag "${tok.value}"`, tok.lineno, tok.colno);
    if (tok && tok.type === lexer.TOKEN_SYMBOL && tok.value === 'with' && !(this.breakOnBlocks ?? []).includes('with')) return this.parseWith();
    return super.parseStatement();
  }

  /** Jinja2's `{% with name = value, ... %}...{% endwith %}` scope. */
  public parseWith(this: any): any {
    const tag = this.nextToken();
    const targets: Array<{ name: string; value: any }> = [];
    while (!this.skip(lexer.TOKEN_BLOCK_END)) {
      if (targets.length && !this.skip(lexer.TOKEN_COMMA)) this.fail('with: expected "," or the end of the tag', tag.lineno, tag.colno);
      const name = this.parsePrimary(true);
      if (!(name instanceof nodes.Symbol)) this.fail('with: expected a variable name', tag.lineno, tag.colno);
      if (!this.skipValue(lexer.TOKEN_OPERATOR, '=')) this.fail('with: expected "=" after the variable name', tag.lineno, tag.colno);
      targets.push({ name: name.value, value: this.parseExpression() });
    }
    const body = this.parseUntilBlocks('endwith');
    this.advanceAfterBlockEnd();
    return new PyWith(tag.lineno, tag.colno, targets, body);
  }

  /** nunjucks' `if` also ends a branch at `elseif`, which Jinja2 does not know. */
  public parseUntilBlocks(this: any, ...names: string[]): any {
    return super.parseUntilBlocks(...names.filter((name) => !NUNJUCKS_ONLY_TAGS.has(name)));
  }

  /** Jinja2's `parse_condexpr`: the `else` branch may itself be an inline if (`a if x else b if y else c`). */
  public parseInlineIf(this: any): any {
    let node = this.parseOr();
    while (this.skipSymbol('if')) {
      const inline = new nodes.InlineIf(node.lineno, node.colno);
      inline.body = node;
      inline.cond = this.parseOr();
      inline.else_ = this.skipSymbol('else') ? this.parseInlineIf() : null;
      node = inline;
    }
    return node;
  }

  public parseIs(this: any): any {
    return parseIsWithBareArgument(this);
  }

  public parseFor(this: any): any {
    const forTok = this.peekToken();
    if (!(forTok && forTok.type === lexer.TOKEN_SYMBOL && forTok.value === 'for')) {
      return super.parseFor();
    }
    this.skipSymbol('for');
    const node = new nodes.For(forTok.lineno, forTok.colno);
    node.name = this.parsePrimary();
    if (!(node.name instanceof nodes.Symbol)) this.fail('parseFor: variable name expected for loop');
    if (this.peekToken().type === lexer.TOKEN_COMMA) {
      const key = node.name;
      node.name = new nodes.Array(key.lineno, key.colno);
      node.name.addChild(key);
      while (this.skip(lexer.TOKEN_COMMA)) node.name.addChild(this.parsePrimary());
    }
    if (!this.skipSymbol('in')) this.fail('parseFor: expected "in" keyword for loop', forTok.lineno, forTok.colno);
    // Jinja2 parses the iterable without a conditional expression: a following `if` filters.
    node.arr = this.parseOr();
    if (this.skipSymbol('if')) node.loopFilter = this.parseExpression();
    this.advanceAfterBlockEnd(forTok.value);
    node.body = this.parseUntilBlocks('endfor', 'else');
    if (this.skipSymbol('else')) {
      this.advanceAfterBlockEnd('else');
      node.else_ = this.parseUntilBlocks('endfor');
    }
    this.advanceAfterBlockEnd();
    return node;
  }
}

/**
 * Python number literals nunjucks' lexer splits or reads as names: `1e3`,
 * `1_000` (one name token) and `1.5e3` (a float token, then the name `e3`
 * right after it), also with a signed exponent (`1e-5`, `1.5e-3`).
 */
function numberLiteral(parser: any, tok: any): any {
  // The token is peeked: the lexer stands right after it.
  const following = (): string => parser.tokens.str.slice(parser.tokens.index);
  if (tok && tok.type === lexer.TOKEN_SYMBOL && /^\d+(_\d+)*([eE]\d*)?$/.test(tok.value)) {
    const digits = tok.value.replace(/_/g, '');
    if (digits.endsWith('e') || digits.endsWith('E')) {
      // `1e-5`: the lexer gives the name `1e`, the operator and the digits.
      const sign = /^([-+])(\d+)(?![\w.])/.exec(following());
      if (!sign) return undefined;
      parser.nextToken();
      parser.nextToken();
      parser.nextToken();
      return new PyFloatLiteral(tok.lineno, tok.colno, Number(digits + sign[1] + sign[2]));
    }
    parser.nextToken();
    return /[eE]/.test(digits) ? new PyFloatLiteral(tok.lineno, tok.colno, Number(digits)) : new nodes.Literal(tok.lineno, tok.colno, Number(digits));
  }
  if (tok && tok.type === lexer.TOKEN_FLOAT) {
    const exponent = /^[eE]([-+]?)(\d+)(?![\w.])/.exec(following());
    if (exponent) {
      parser.nextToken();
      // `e5` is one name token; `e-5` is a name, an operator and the digits.
      for (let i = 0; i < (exponent[1] ? 3 : 1); i++) parser.nextToken();
      return new PyFloatLiteral(tok.lineno, tok.colno, Number(`${tok.value}e${exponent[1]}${exponent[2]}`));
    }
  }
  return undefined;
}

/** Words after which `is test` takes no unparenthesised argument (`x is defined and y`). */
const NOT_AN_ARGUMENT = new Set(['and', 'or', 'else', 'if', 'not', 'is', 'in']);

/** Jinja2's tests take one argument without parentheses: `x is divisibleby 3`, `x is sameas false`. */
function parseIsWithBareArgument(parser: any): any {
  let node = parser.parseCompare();
  if (!parser.skipSymbol('is')) return node;
  const not = parser.skipSymbol('not');
  const nameTok = parser.nextToken();
  if (!nameTok || ![lexer.TOKEN_SYMBOL, lexer.TOKEN_NONE, lexer.TOKEN_BOOLEAN].includes(nameTok.type)) {
    parser.fail('expected a test name after "is"', nameTok?.lineno, nameTok?.colno);
  }
  const name = new nodes.Symbol(nameTok.lineno, nameTok.colno, nameTok.value);
  let test: any = name;
  const next = parser.peekToken();
  if (next && next.type === lexer.TOKEN_LEFT_PAREN) {
    test = new nodes.FunCall(next.lineno, next.colno, name, parser.parseSignature());
  } else if (
    next &&
    ([lexer.TOKEN_STRING, lexer.TOKEN_INT, lexer.TOKEN_FLOAT, lexer.TOKEN_BOOLEAN, lexer.TOKEN_NONE, lexer.TOKEN_LEFT_BRACKET, lexer.TOKEN_LEFT_CURLY].includes(next.type) ||
      (next.type === lexer.TOKEN_SYMBOL && !NOT_AN_ARGUMENT.has(next.value)))
  ) {
    const argument = parser.parsePrimary();
    test = new nodes.FunCall(next.lineno, next.colno, name, new nodes.NodeList(next.lineno, next.colno, [argument]));
  }
  node = new nodes.Is(node.lineno, node.colno, node, test);
  return not ? new nodes.Not(node.lineno, node.colno, node) : node;
}

/** Parses template source into a nunjucks AST, as `nunjucks/src/parser`'s `parse()` does. */
export function parseJinja(src: string, extensions: unknown, opts: unknown): any {
  const parser: any = new (JinjaParser as any)(lexer.lex(src, opts));
  if (extensions !== undefined) parser.extensions = extensions;
  return parser.parseAsRoot();
}
