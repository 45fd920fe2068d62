/**
 * How the Jinja node types compile: each emits a call of the Jinja runtime, reached from compiled
 * code as the environment's `sparkify_jinja` extension. These methods are added to nunjucks'
 * Compiler prototype under our own type names only, so templates of environments without the
 * extension compile exactly as before.
 */
import type { AstNode, NunjucksCompiler } from './nunjucks-internals.js';
import { compilerPrototype } from './nunjucks-internals.js';

/** The name the Jinja runtime is registered under (env.addExtension). */
export const JINJA_EXTENSION = 'sparkify_jinja';
const J = `env.getExtension("${JINJA_EXTENSION}")`;

type Compile = (this: NunjucksCompiler & { _templateName(): string }, node: AstNode, frame: unknown) => void;

const expression = (compiler: NunjucksCompiler, node: unknown, frame: unknown) => {
  if (node === null || node === undefined) compiler._emit('undefined');
  else compiler._compileExpression(node as AstNode, frame);
};

/** A readable name of a called expression, for "Unable to call `x`" (as nunjucks words it). */
function displayName(node: AstNode): string {
  switch (node.typename) {
    case 'Symbol':
      return String(node.value);
    case 'Literal':
      return String(node.value);
    case 'SparkifyLookup':
      return `${displayName(node.target as AstNode)}["${displayName(node.val as AstNode)}"]`;
    case 'SparkifyCall':
      return `the return value of (${displayName(node.name as AstNode)})`;
    default:
      return '--expression--';
  }
}

/** Sets the template position before an expression that may fail, so that its error names the line. */
function positioned(compiler: NunjucksCompiler, node: AstNode, emit: () => void): void {
  compiler._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, `);
  emit();
  compiler._emit(')');
}

/** Arguments as an array; with `*xs`/`**kw` the runtime assembles them from tagged parts. */
function emitArgs(compiler: NunjucksCompiler, args: AstNode, frame: unknown): void {
  const children = args.children ?? [];
  if (!children.some((child) => child.typename === 'SparkifyStar')) {
    compiler._compileAggregate(args, frame, '[', ']');
    return;
  }
  compiler._emit(`${J}.spread([`);
  children.forEach((child, i) => {
    if (i > 0) compiler._emit(',');
    const kind = child.typename === 'SparkifyStar' ? (child.double ? '**' : '*') : child.typename === 'KeywordArgs' ? 'kw' : 'arg';
    compiler._emit(`["${kind}", `);
    expression(compiler, child.typename === 'SparkifyStar' ? child.value : child, frame);
    compiler._emit(']');
  });
  compiler._emit('])');
}

const methods: Record<string, Compile> = {
  compileSparkifyCall(node, frame) {
    this._emit(`(lineno = ${node.lineno}, colno = ${node.colno}, ${J}.call(`);
    expression(this, node.name, frame);
    this._emit(`, ${JSON.stringify(displayName(node.name as AstNode))}, context, `);
    emitArgs(this, node.args as AstNode, frame);
    this._emit(`, ${this._templateName()}, ${node.lineno}, ${node.colno}))`);
  },
  compileSparkifyLookup(node, frame) {
    this._emit(`${J}.lookup((`);
    expression(this, node.target, frame);
    this._emit('), ');
    expression(this, node.val, frame);
    this._emit(`, ${node.attribute === true})`);
  },
  compileSparkifySlice(node, frame) {
    positioned(this, node, () => {
      this._emit(`${J}.slice(`);
      for (const [i, part] of [node.target, node.start, node.stop, node.step].entries()) {
        if (i > 0) this._emit(', ');
        expression(this, part, frame);
      }
      this._emit(')');
    });
  },
  compileSparkifyMacroGuard(node, frame) {
    // Runs inside the macro function nunjucks emits (compiler.js _compileMacro): `kwargs`,
    // `callerFrame` and the buffer are its locals; `lineno`/`colno` those of the template.
    this._emitLine('try {');
    this._emitLine(`${J}.enterMacro(frame, kwargs, ${JSON.stringify(node.params)});`);
    this._withScopedSyntax(() => this.compile(node.body as AstNode, frame));
    this._emitLine('frame = callerFrame;');
    this._emitLine(`return ${this.buffer};`);
    this._emitLine('} catch (e) {');
    this._emitLine('frame = callerFrame;');
    this._emitLine(`return ${J}.leaveMacro(e, lineno, colno, ${this._templateName()});`);
    this._emitLine('}');
  },
  compileSparkifySetAttr(node, frame) {
    this._emit(`${J}.setAttribute(`);
    expression(this, node.target, frame);
    this._emit(`, ${JSON.stringify(node.attr)}, `);
    expression(this, node.value, frame);
    this._emitLine(');');
  },
  compileSparkifyUnpack(node, frame) {
    positioned(this, node, () => {
      this._emit(`${J}.unpack(`);
      expression(this, node.value, frame);
      this._emit(`, ${Number(node.count)})`);
    });
  },
  compileSparkifyTruthy(node, frame) {
    this._emit(`${J}.truthy(`);
    expression(this, node.value, frame);
    this._emit(')');
  },
  compileSparkifyNot(node, frame) {
    this._emit(`!${J}.truthy(`);
    expression(this, node.value, frame);
    this._emit(')');
  },
  compileSparkifyLogic(node, frame) {
    this._emit(`${J}.${node.op === 'and' ? 'and' : 'or'}(`);
    expression(this, node.left, frame);
    this._emit(', function () { return ');
    expression(this, node.right, frame);
    this._emit('; })');
  },
  compileSparkifyBinary(node, frame) {
    positioned(this, node, () => {
      this._emit(`${J}.binary(${JSON.stringify(node.op)}, `);
      expression(this, node.left, frame);
      this._emit(', ');
      expression(this, node.right, frame);
      this._emit(')');
    });
  },
  compileSparkifyCompare(node, frame) {
    positioned(this, node, () => {
      this._emit(`${J}.compare(`);
      expression(this, node.expr, frame);
      for (const op of node.ops as AstNode[]) {
        this._emit(`, ${JSON.stringify(op.type)}, `);
        expression(this, op.expr, frame);
      }
      this._emit(')');
    });
  },
  compileSparkifyIn(node, frame) {
    positioned(this, node, () => {
      this._emit(`${J}.contains(`);
      expression(this, node.container, frame);
      this._emit(', ');
      expression(this, node.item, frame);
      this._emit(')');
    });
  },
  compileSparkifyIs(node, frame) {
    positioned(this, node, () => {
      this._emit(`${J}.test(context, ${JSON.stringify(node.test)}, `);
      expression(this, node.value, frame);
      this._emit(', ');
      this._compileAggregate(node.args as AstNode, frame, '[', ']');
      this._emit(')');
    });
  },
  compileSparkifyIterate(node, frame) {
    positioned(this, node, () => {
      this._emit(`${J}.iterate(`);
      expression(this, node.value, frame);
      this._emit(')');
    });
  },
  compileSparkifyPrint(node, frame) {
    this._emit(`${J}.print(`);
    expression(this, node.value, frame);
    this._emit(')');
  },
  compileSparkifyDo(node, frame) {
    this._emit(`${J}.discard(`);
    expression(this, node.expr, frame);
    this._emitLine(');');
  },
  compileSparkifyLoopControl(node) {
    this._emitLine(node.kind === 'break' ? 'break;' : 'continue;');
  },
};

/** Adds the compile methods of our node types to nunjucks' compiler (idempotent; new names only). */
export function installCompileMethods(): void {
  for (const [name, method] of Object.entries(methods)) {
    if (!(name in compilerPrototype)) compilerPrototype[name] = method;
  }
}
