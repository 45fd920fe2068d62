/**
 * Rewrites a parsed template so that its expressions mean what they mean in Jinja: conditions use
 * Python truthiness, `and`/`or` yield an operand, `+ - * % ~` work on lists, strings and dates,
 * `==` compares by value, `in` searches by value, a one-variable for loop walks a dict's keys,
 * `{{ }}` prints Python's str() of a value, and `True`/`False`/`None` are the literals Jinja spells
 * that way.
 */
import { JinjaNodes } from './jinja-nodes.js';
import type { AstNode } from './nunjucks-internals.js';
import { nodes } from './nunjucks-internals.js';

const BINARY: Record<string, string> = { Add: '+', Sub: '-', Mul: '*', Mod: '%', Concat: '~' };
const CONSTANTS: Record<string, boolean | null> = { True: true, False: false, None: null };

/** Rewrites `root` in place (and returns it). */
export function transformTree(root: AstNode): AstNode {
  return visit(root) as AstNode;
}

function visit(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(visit);
  if (!(value instanceof nodes.Node)) return value;
  const node = value as AstNode;
  for (const field of node.fields) node[field] = visit(node[field]);
  return rewrite(node);
}

function rewrite(node: AstNode): AstNode {
  const { lineno, colno } = node;
  const name = node.typename;
  if (Object.hasOwn(BINARY, name)) return new JinjaNodes.Binary(lineno, colno, BINARY[name], node.left, node.right);
  switch (name) {
    case 'If':
    case 'InlineIf':
      node.cond = new JinjaNodes.Truthy(lineno, colno, node.cond);
      return node;
    case 'And':
    case 'Or':
      return new JinjaNodes.Logic(lineno, colno, name.toLowerCase(), node.left, node.right);
    case 'Not':
      return new JinjaNodes.Not(lineno, colno, node.target);
    case 'Compare':
      return new JinjaNodes.Compare(lineno, colno, node.expr, node.ops);
    case 'In':
      return new JinjaNodes.In(lineno, colno, node.left, node.right);
    case 'Output':
      node.children = node.children!.map((child) => (child.typename === 'TemplateData' ? child : new JinjaNodes.Print(child.lineno, child.colno, child)));
      return node;
    case 'For':
      if ((node.name as AstNode).typename === 'Symbol') node.arr = new JinjaNodes.Iterate(lineno, colno, node.arr);
      return node;
    case 'Symbol':
      return Object.hasOwn(CONSTANTS, String(node.value)) ? new nodes.Literal(lineno, colno, CONSTANTS[String(node.value)]) : node;
    default:
      return node;
  }
}
