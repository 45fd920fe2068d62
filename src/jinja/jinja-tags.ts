/**
 * The statement tags dbt's Jinja has and nunjucks lacks: `{% do expr %}`, `{% break %}` and
 * `{% continue %}` (jinja2.ext.do and jinja2.ext.loopcontrols, which dbt enables), and dbt's
 * `{% test name(model, column_name) %}` and `{% docs name %}` blocks, which define the macros
 * `test_<name>` and `docs_<name>` as dbt's TestExtension and DocumentationExtension do.
 */
import { JinjaNodes } from './jinja-nodes.js';
import type { JinjaParser } from './jinja-parser.js';
import type { AstNode } from './nunjucks-internals.js';
import { nodes, TOKEN } from './nunjucks-internals.js';

/** Tags the Jinja runtime parses. */
export const JINJA_TAGS = ['do', 'break', 'continue', 'test', 'docs'];

/** Parses one of JINJA_TAGS; the parser stands on the tag's name. */
export function parseJinjaTag(parser: JinjaParser): AstNode {
  const tag = parser.peekToken();
  switch (tag.value) {
    case 'do': {
      parser.nextToken();
      const expr = parser.parseExpression();
      parser.advanceAfterBlockEnd(tag.value);
      return new JinjaNodes.Do(tag.lineno, tag.colno, expr);
    }
    case 'break':
    case 'continue':
      parser.nextToken();
      if (parser.loopDepth === 0) parser.fail(`{% ${tag.value} %} is only allowed inside a for loop`, tag.lineno, tag.colno);
      parser.advanceAfterBlockEnd(tag.value);
      return new JinjaNodes.LoopControl(tag.lineno, tag.colno, tag.value);
    default:
      return parseMacroBlock(parser, tag.value);
  }
}

/** `{% test name(args) %}…{% endtest %}` → macro `test_name`; `{% docs name %}` → `docs_name`. */
function parseMacroBlock(parser: JinjaParser, kind: string): AstNode {
  const tag = parser.nextToken();
  const name = parser.nextToken();
  if (name?.type !== TOKEN.symbol) parser.fail(`{% ${kind} %} needs a name: {% ${kind} my_name${kind === 'test' ? '(model, column_name)' : ''} %}`, tag.lineno, tag.colno);
  const args = kind === 'test' ? parser.parseSignature()! : new nodes.NodeList(name.lineno, name.colno);
  parser.advanceAfterBlockEnd(tag.value);
  const depth = parser.loopDepth;
  parser.loopDepth = 0;
  const body = parser.parseUntilBlocks(`end${kind}`);
  parser.loopDepth = depth;
  parser.advanceAfterBlockEnd();
  const macro = new nodes.Macro(tag.lineno, tag.colno, new nodes.Symbol(name.lineno, name.colno, `${kind}_${name.value}`), args);
  macro.body = body;
  return parser.guardMacro(macro);
}
