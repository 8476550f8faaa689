/**
 * nunjucks' compiler emitting Jinja2 semantics: Python truth in `if`/`not`/
 * `and`/`or`, Python operators, StrictUndefined-aware loops and lookups,
 * `loop.cycle()`/`loop.previtem`/`loop.nextitem`, filtered loops, and the
 * template line of every statement for error messages. Compiled functions
 * switch `runtime` to the environment's Jinja2 runtime (`env.opts.jinjaRuntime`).
 */
import { compilerModule, nodes } from './nunjucks-internals';
import { PyCollect, PyFloatLiteral, PyIter, PyTruthy, PyWith } from './jinja-nodes';

/* eslint-disable @typescript-eslint/no-explicit-any */
const COMPARE_OPS = new Set(['==', '!=', '<', '>', '<=', '>=']);

/** The expression as written, for "'aws.usrname' is undefined". */
function expressionLabel(node: any): string | undefined {
  if (node instanceof nodes.Symbol) return node.value;
  if (node instanceof nodes.LookupVal) {
    const target = expressionLabel(node.target);
    if (target === undefined) return undefined;
    if (node.val instanceof nodes.Literal) {
      const key = node.val.value;
      return typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${target}.${key}` : `${target}[${JSON.stringify(key)}]`;
    }
    const inner = expressionLabel(node.val);
    return inner === undefined ? undefined : `${target}[${inner}]`;
  }
  if (node instanceof nodes.FunCall) {
    const target = expressionLabel(node.name);
    return target === undefined ? undefined : `${target}()`;
  }
  return undefined;
}

export class JinjaCompiler extends compilerModule.Compiler {
  public filteredLoops = 0;

  public emitLocation(this: any, node: any): void {
    this._emitLine(`lineno = ${node.lineno}; colno = ${node.colno};`);
  }

  public assertType(this: any, node: any, ...types: any[]): void {
    if (node instanceof PyTruthy || node instanceof PyIter || node instanceof PyWith || node instanceof PyFloatLiteral) return;
    super.assertType(node, ...types);
  }

  public _emitFuncBegin(this: any, node: any, name: string): void {
    super._emitFuncBegin(node, name);
    this._emitLine('runtime = env.opts.jinjaRuntime;');
  }

  public templateNameLiteral(this: any): string {
    return JSON.stringify(this.templateName ?? null);
  }

  public _emitFuncEnd(this: any, noReturn?: boolean): void {
    if (!noReturn) this._emitLine(`cb(null, ${this.buffer});`);
    this._closeScopeLevels();
    this._emitLine('} catch (e) {');
    this._emitLine(`  cb(runtime.handleError(e, lineno, colno, ${this.templateNameLiteral()}));`);
    this._emitLine('}');
    this._emitLine('}');
    this.buffer = null;
  }

  public _makeCallback(this: any, res?: string): string {
    const err = this._tmpid();
    return `function(${err}${res ? `,${res}` : ''}) {\nif(${err}) { cb(runtime.handleError(${err}, lineno, colno, ${this.templateNameLiteral()})); return; }`;
  }

  public compileOutput(this: any, node: any, frame: any): void {
    for (const child of node.children) {
      if (child instanceof nodes.TemplateData) {
        if (child.value) {
          this._emit(`${this.buffer} += `);
          this.compileLiteral(child, frame);
          this._emitLine(';');
        }
      } else {
        this.emitLocation(child);
        this._emit(`${this.buffer} += runtime.suppressValue(`);
        this.compile(child, frame);
        this._emitLine(', false);');
      }
    }
  }

  public compileIf(this: any, node: any, frame: any, async?: boolean): void {
    this.emitLocation(node);
    if (!(node.cond instanceof PyTruthy)) node.cond = new PyTruthy(node.cond.lineno, node.cond.colno, node.cond);
    super.compileIf(node, frame, async);
  }

  public compileSet(this: any, node: any, frame: any): void {
    this.emitLocation(node);
    const [target] = node.targets;
    if (node.targets.length === 1 && target instanceof nodes.LookupVal && node.value) {
      // `{% set ns.attr = value %}` on a namespace()
      this._emit('runtime.setAttribute(');
      this._compileExpression(target.target, frame);
      this._emit(', ');
      this._compileExpression(target.val, frame);
      this._emit(', ');
      this._compileExpression(node.value, frame);
      this._emitLine(');');
      return;
    }
    if (node.targets.length > 1 && node.value) {
      this.compileUnpackingSet(node, frame);
      return;
    }
    super.compileSet(node, frame);
  }

  /** `{% set a, b = pair %}`: Python unpacking (nunjucks would give both names the whole value). */
  public compileUnpackingSet(this: any, node: any, frame: any): void {
    const values = this._tmpid();
    this._emit(`var ${values} = runtime.pyUnpack(`);
    this._compileExpression(node.value, frame);
    this._emitLine(`, ${node.targets.length});`);
    node.targets.forEach((target: any, index: number) => {
      if (!(target instanceof nodes.Symbol)) this.fail('set: can only unpack into names', node.lineno, node.colno);
      const name = target.value;
      let id = frame.lookup(name);
      if (id === null || id === undefined) {
        id = this._tmpid();
        this._emitLine(`var ${id};`);
      }
      this._emitLine(`${id} = ${values}[${index}];`);
      this._emitLine(`frame.set(${JSON.stringify(name)}, ${id}, true);`);
      this._emitLine(`if(frame.topLevel) { context.setVariable(${JSON.stringify(name)}, ${id}); }`);
      if (name.charAt(0) !== '_') this._emitLine(`if(frame.topLevel) { context.addExport(${JSON.stringify(name)}, ${id}); }`);
    });
  }

  public compilePyWith(this: any, node: any, frame: any): void {
    this.emitLocation(node);
    const ids = node.targets.map((target: any) => {
      const id = this._tmpid();
      this._emit(`var ${id} = `);
      this._compileExpression(target.value, frame);
      this._emitLine(';');
      return id;
    });
    this._emitLine('frame = frame.push(true);');
    const inner = frame.push();
    node.targets.forEach((target: any, index: number) => {
      this._emitLine(`frame.set(${JSON.stringify(target.name)}, ${ids[index]});`);
      inner.set(target.name, ids[index]);
    });
    this.compile(node.body, inner);
    this._emitLine('frame = frame.pop();');
  }

  public compileInclude(this: any, node: any, frame: any): void {
    this.emitLocation(node);
    super.compileInclude(node, frame);
  }

  public compileFor(this: any, node: any, frame: any): void {
    this.emitLocation(node);
    if (node.loopFilter) {
      // Two passes: collect the items the filter keeps, then loop over them.
      const list = this._tmpid();
      const alias = `__jinja_filtered_${this.filteredLoops++}`;
      this._emitLine(`var ${list} = [];`);
      const item = node.name instanceof nodes.Array ? new nodes.Array(node.lineno, node.colno, node.name.children) : node.name;
      const collect = new nodes.For(node.lineno, node.colno, node.arr, node.name, new PyCollect(node.lineno, node.colno, node.loopFilter, item, list));
      this.compileScopedFor(collect, frame);
      frame.set(alias, list);
      const loop = new nodes.For(node.lineno, node.colno, new nodes.Symbol(node.lineno, node.colno, alias), node.name, node.body, node.else_);
      this.compileScopedFor(loop, frame);
      return;
    }
    this.compileScopedFor(node, frame);
  }

  /** Compiles a loop whose frame keeps its `{% set %}`s to itself, as Jinja2's loop scope does. */
  public compileScopedFor(this: any, node: any, frame: any): void {
    const emitLine = this._emitLine;
    let replaced = false;
    this._emitLine = (line: string) => {
      if (!replaced && line === 'frame = frame.push();') {
        replaced = true;
        return emitLine.call(this, 'frame = frame.push(true);');
      }
      return emitLine.call(this, line);
    };
    try {
      super.compileFor(this.wrapIterable(node), frame);
    } finally {
      this._emitLine = emitLine;
    }
  }

  public wrapIterable(node: any): any {
    if (!(node.arr instanceof PyIter)) node.arr = new PyIter(node.arr.lineno, node.arr.colno, node.arr);
    // `for k, v in items`: each item must unpack into exactly that many names (a dict iterates its keys).
    if (node.name instanceof nodes.Array) node.arr.unpack = node.name.children.length;
    return node;
  }

  public compilePyCollect(this: any, node: any, frame: any): void {
    this._emit('if(runtime.pyTruthy(');
    this.compile(node.cond, frame);
    this._emit(`)) { ${node.list}.push(`);
    this.compile(node.item, frame);
    this._emitLine('); }');
  }

  public compilePyTruthy(this: any, node: any, frame: any): void {
    this._emit('runtime.pyTruthy(');
    this.compile(node.target, frame);
    this._emit(')');
  }

  public compilePyFloatLiteral(this: any, node: any): void {
    this._emit(`runtime.pyFloat(${JSON.stringify(node.value)})`);
  }

  public compilePyIter(this: any, node: any, frame: any): void {
    this._emit(node.unpack ? 'runtime.pyIterUnpack(' : 'runtime.pyIter(');
    this.compile(node.target, frame);
    this._emit(node.unpack ? `, ${node.unpack})` : ')');
  }

  public _emitLoopBindings(this: any, node: any, arr: string, i: string, len: string): void {
    super._emitLoopBindings(node, arr, i, len);
    this._emitLine(`frame.set("loop.cycle", runtime.loopCycle(${i}));`);
    this._emitLine(`frame.set("loop.changed", runtime.loopChanged(${arr}, ${i}));`);
    // Jinja2's depth counts `recursive` loops, which nunjucks has not: every loop is at depth 1.
    this._emitLine('frame.set("loop.depth", 1);');
    this._emitLine('frame.set("loop.depth0", 0);');
    this._emitLine(`frame.set("loop.previtem", ${i} > 0 ? ${arr}[${i} - 1] : runtime.undefinedName("loop.previtem"));`);
    this._emitLine(`frame.set("loop.nextitem", ${i} < ${len} - 1 ? ${arr}[${i} + 1] : runtime.undefinedName("loop.nextitem"));`);
  }

  public compileInlineIf(this: any, node: any, frame: any): void {
    this._emit('(runtime.pyTruthy(');
    this.compile(node.cond, frame);
    this._emit(') ? ');
    this.compile(node.body, frame);
    this._emit(' : ');
    if (node.else_ !== null && node.else_ !== undefined) this.compile(node.else_, frame);
    else this._emit('""'); // Jinja2 prints nothing here, even with StrictUndefined
    this._emit(')');
  }

  public compileNot(this: any, node: any, frame: any): void {
    this._emit('!runtime.pyTruthy(');
    this.compile(node.target, frame);
    this._emit(')');
  }

  public lazyBinary(this: any, helper: string, node: any, frame: any): void {
    this._emit(`runtime.${helper}(`);
    this.compile(node.left, frame);
    this._emit(', function() { return ');
    this.compile(node.right, frame);
    this._emit('; })');
  }

  public binary(this: any, helper: string, node: any, frame: any): void {
    this._emit(`runtime.${helper}(`);
    this.compile(node.left, frame);
    this._emit(', ');
    this.compile(node.right, frame);
    this._emit(')');
  }

  public compileOr(this: any, node: any, frame: any): void {
    this.lazyBinary('pyOr', node, frame);
  }

  public compileAnd(this: any, node: any, frame: any): void {
    this.lazyBinary('pyAnd', node, frame);
  }

  public compileAdd(this: any, node: any, frame: any): void {
    this.binary('pyAdd', node, frame);
  }

  public compileMul(this: any, node: any, frame: any): void {
    this.binary('pyMul', node, frame);
  }

  public compileSub(this: any, node: any, frame: any): void {
    this.binary('pySub', node, frame);
  }

  public compileFloorDiv(this: any, node: any, frame: any): void {
    this.binary('pyFloorDiv', node, frame);
  }

  public compilePow(this: any, node: any, frame: any): void {
    this.binary('pyPow', node, frame);
  }

  public compileNeg(this: any, node: any, frame: any): void {
    this._emit('runtime.pyNeg(');
    this.compile(node.target, frame);
    this._emit(')');
  }

  public compileDiv(this: any, node: any, frame: any): void {
    this.binary('pyDiv', node, frame);
  }

  public compileMod(this: any, node: any, frame: any): void {
    this.binary('pyMod', node, frame);
  }

  public compileConcat(this: any, node: any, frame: any): void {
    this.binary('pyConcat', node, frame);
  }

  public compileCompare(this: any, node: any, frame: any): void {
    // `a < b < c` is `a < b and b < c` (b is evaluated twice: template expressions have no side effects worth keeping).
    let left = node.expr;
    const parts = node.ops.map((op: any) => {
      if (!COMPARE_OPS.has(op.type)) this.fail(`unsupported comparison operator ${op.type}`, node.lineno, node.colno);
      const part = { left, op: op.type, right: op.expr };
      left = op.expr;
      return part;
    });
    this._emit('(');
    parts.forEach((part: any, index: number) => {
      if (index > 0) this._emit(' && ');
      this._emit('runtime.pyCompare(');
      this.compile(part.left, frame);
      this._emit(`, ${JSON.stringify(part.op)}, `);
      this.compile(part.right, frame);
      this._emit(')');
    });
    this._emit(')');
  }

  /** As nunjucks', but the callee's name is emitted as a proper JS string (nunjucks breaks on a newline in it). */
  public compileFunCall(this: any, node: any, frame: any): void {
    this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, `);
    this._emit('runtime.callWrap(');
    this._compileExpression(node.name, frame);
    this._emit(`, ${JSON.stringify(expressionLabel(node.name) ?? this._getNodeName(node.name))}, context, `);
    this._compileAggregate(node.args, frame, '[', '])');
    this._emit(')');
  }

  /** `(a, b)` is a tuple in Jinja2 (nunjucks emits JavaScript's comma operator). */
  public compileGroup(this: any, node: any, frame: any): void {
    if (node.children.length > 1) this._compileAggregate(node, frame, 'runtime.pyTuple([', '])');
    else super.compileGroup(node, frame);
  }

  public compileLookupVal(this: any, node: any, frame: any): void {
    const isSlice = node.val.typename === 'Slice';
    if (isSlice) {
      super.compileLookupVal(node, frame);
      return;
    }
    this._emit('runtime.memberLookup((');
    this._compileExpression(node.target, frame);
    this._emit('),');
    this._compileExpression(node.val, frame);
    this._emit(`, ${JSON.stringify(expressionLabel(node) ?? 'value')})`);
  }
}
