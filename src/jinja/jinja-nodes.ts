/**
 * The AST node types the Jinja parser adds to nunjucks'. Each compiles (jinja-compile.ts) to a
 * call of the Jinja runtime, which gives it Python's semantics: `[] + [1]` is a list, `[]` is
 * false, `'a,b'.split(',')` is Python's split. Expression nodes extend InlineIf (or the node they
 * replace) only so that the compiler's expression type check accepts them; their compile method
 * is chosen by type name.
 */
import { nodes, type NodeClass } from './nunjucks-internals.js';

function define(name: string, base: NodeClass, fields: string[]): NodeClass {
  const type = base.extend(name, { fields });
  // nunjucks' transformer rebuilds a changed node as `new nodes[typename]`.
  nodes[name] = type;
  return type;
}

/** Node types of the Jinja dialect, by role. */
export const JinjaNodes = {
  /** `f(a, b=1, *xs, **kw)`, positioned at the callee's first character. */
  Call: define('SparkifyCall', nodes.FunCall, ['name', 'args']),
  /** `x.attr` (attribute true) or `x[key]`. */
  Lookup: define('SparkifyLookup', nodes.LookupVal, ['target', 'val', 'attribute']),
  /** `x[start:stop:step]`. */
  Slice: define('SparkifySlice', nodes.InlineIf, ['target', 'start', 'stop', 'step']),
  /** `*xs` (double false) or `**kw` (double true) inside a call's arguments. */
  Star: define('SparkifyStar', nodes.InlineIf, ['value', 'double']),
  /** A macro's body: turns return() into the macro's value and errors into its own file:line. */
  MacroGuard: define('SparkifyMacroGuard', nodes.Node, ['body', 'params']),
  /** `{% set ns.attr = value %}`. */
  SetAttr: define('SparkifySetAttr', nodes.Node, ['target', 'attr', 'value']),
  /** The value of `{% set a, b = value %}`, checked to hold exactly `count` items. */
  Unpack: define('SparkifyUnpack', nodes.InlineIf, ['value', 'count']),
  /** Python truthiness of a condition (`[]`, `{}` and `''` are false). */
  Truthy: define('SparkifyTruthy', nodes.InlineIf, ['value']),
  /** `not x`. */
  Not: define('SparkifyNot', nodes.InlineIf, ['value']),
  /** `a and b` / `a or b`, short-circuiting, yielding an operand as Python does. */
  Logic: define('SparkifyLogic', nodes.InlineIf, ['op', 'left', 'right']),
  /** `+ - * % ~` with Python's meaning for lists, strings and dates. */
  Binary: define('SparkifyBinary', nodes.InlineIf, ['op', 'left', 'right']),
  /** `a == b < c`, compared by value. */
  Compare: define('SparkifyCompare', nodes.InlineIf, ['expr', 'ops']),
  /** `item in container`. */
  In: define('SparkifyIn', nodes.InlineIf, ['item', 'container']),
  /** `value is test(args)`. */
  Is: define('SparkifyIs', nodes.InlineIf, ['value', 'test', 'args']),
  /** What a one-variable for loop walks: a dict's keys, a list's items. */
  Iterate: define('SparkifyIterate', nodes.InlineIf, ['value']),
  /** A value printed by `{{ }}`: Python's str() of it (`['a', 'b']`, `{'k': 1}`, `True`). */
  Print: define('SparkifyPrint', nodes.InlineIf, ['value']),
  /** `{% do expr %}`. */
  Do: define('SparkifyDo', nodes.Node, ['expr']),
  /** `{% break %}` / `{% continue %}`. */
  LoopControl: define('SparkifyLoopControl', nodes.Node, ['kind']),
};
