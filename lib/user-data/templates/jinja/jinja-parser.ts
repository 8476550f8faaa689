/**
 * nunjucks' parser with Jinja2's `{% for x in items if cond %}` loop filter.
 * nunjucks reads `items if cond` as an inline if without else and silently
 * loops over nothing when `cond` is false; Jinja2 filters the items first
 * (`loop.index`/`loop.length` count only the kept ones).
 */
import { lexer, nodes, parserModule } from './nunjucks-internals';

/* eslint-disable @typescript-eslint/no-explicit-any */
export class JinjaParser extends parserModule.Parser {
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

/** Parses template source into a nunjucks AST, as `nunjucks/src/parser`'s `parse()` does. */
export function parseJinja(src: string, extensions: unknown, opts: unknown): any {
  const parser: any = new (JinjaParser as any)(lexer.lex(src, opts));
  if (extensions !== undefined) parser.extensions = extensions;
  return parser.parseAsRoot();
}
