/**
 * nunjucks' parser, taught the Jinja syntax dbt projects write and nunjucks rejects or reads
 * otherwise: trailing commas in calls and literals, tuples (`('a', 'b')`), slices, `*args` and
 * `**kwargs` in calls, `{% set ns.attr = v %}`, `{% set a, b = pair %}`, tests with one argument
 * and no parentheses (`x is divisibleby 3`), and macro bodies that return() values. The tree it
 * returns is rewritten by jinja-transform.ts so that operators keep Python's meaning.
 */
import { JinjaNodes } from './jinja-nodes.js';
import { transformTree } from './jinja-transform.js';
import type { AstNode, ParserClass, Token } from './nunjucks-internals.js';
import { nodes, parserModule, TOKEN } from './nunjucks-internals.js';

const Parser = parserModule.Parser as ParserClass;
const CLOSERS: string[] = [TOKEN.rightParen, TOKEN.rightBracket, TOKEN.rightCurly];
/** Words after `is <test>` that end the test rather than start its argument (Jinja's parse_test). */
const NOT_AN_ARGUMENT = new Set(['else', 'or', 'and', 'if', 'is', 'not', 'in']);
const ARGUMENT_STARTS: string[] = [TOKEN.string, TOKEN.int, TOKEN.float, TOKEN.symbol, TOKEN.boolean, TOKEN.none, TOKEN.leftParen, TOKEN.leftBracket, TOKEN.leftCurly];

/** The parser compiled templates of a Jinja environment go through (see install-jinja.ts). */
export class JinjaParser extends Parser {
  /** For-loops open around the token being parsed: `{% break %}` needs one. */
  loopDepth = 0;

  override parseAsRoot(): AstNode {
    return transformTree(super.parseAsRoot());
  }

  override parseFor(): AstNode {
    this.loopDepth++;
    try {
      return super.parseFor();
    } finally {
      this.loopDepth--;
    }
  }

  override parseMacro(): AstNode {
    const depth = this.loopDepth;
    this.loopDepth = 0;
    try {
      return this.guardMacro(super.parseMacro());
    } finally {
      this.loopDepth = depth;
    }
  }

  /** Wraps a macro's body so that return() and errors are handled where they happen. */
  guardMacro(macro: AstNode): AstNode {
    const params = ((macro.args as AstNode).children ?? []).flatMap((arg) =>
      arg.typename === 'Symbol' ? [String(arg.value)] : (arg.children ?? []).map((pair) => String((pair.key as AstNode).value)));
    const guard = new JinjaNodes.MacroGuard(macro.lineno, macro.colno, macro.body, params);
    macro.body = new nodes.NodeList(macro.lineno, macro.colno, [guard]);
    return macro;
  }

  override parseSignature(tolerant?: boolean, noParens?: boolean): AstNode | null {
    let tok = this.peekToken();
    if (!noParens && tok.type !== TOKEN.leftParen) {
      if (tolerant) return null;
      this.fail('expected arguments', tok.lineno, tok.colno);
    }
    if (tok.type === TOKEN.leftParen) tok = this.nextToken();
    const args = new nodes.NodeList(tok.lineno, tok.colno);
    const kwargs = new nodes.KeywordArgs(tok.lineno, tok.colno);
    const ends = (next: Token) => (noParens ? next.type === TOKEN.blockEnd : next.type === TOKEN.rightParen);
    for (let first = true; ; first = false) {
      if (ends(this.peekToken())) break;
      if (!first) {
        const at = this.peekToken();
        if (!this.skip(TOKEN.comma)) this.fail('expected a comma between arguments', at.lineno, at.colno);
        // Jinja accepts a trailing comma: config(materialized='view',)
        if (ends(this.peekToken())) break;
      }
      this.parseArgument(args, kwargs);
    }
    if (!noParens) this.nextToken();
    if (kwargs.children!.length > 0) args.children!.push(kwargs);
    return args;
  }

  private parseArgument(args: AstNode, kwargs: AstNode): void {
    const tok = this.peekToken();
    if (tok.type === TOKEN.operator && (tok.value === '*' || tok.value === '**')) {
      this.nextToken();
      args.children!.push(new JinjaNodes.Star(tok.lineno, tok.colno, this.parseExpression(), tok.value === '**'));
      return;
    }
    const arg = this.parseExpression();
    if (this.skipValue(TOKEN.operator, '=')) kwargs.children!.push(new nodes.Pair(arg.lineno, arg.colno, arg, this.parseExpression()));
    else args.children!.push(arg);
  }

  override parseAggregate(): AstNode | null {
    const tok = this.nextToken();
    const type = { [TOKEN.leftParen]: nodes.Group, [TOKEN.leftBracket]: nodes.Array, [TOKEN.leftCurly]: nodes.Dict }[tok.type];
    if (!type) return null;
    const node = new type(tok.lineno, tok.colno);
    let comma = false;
    for (;;) {
      if (CLOSERS.includes(this.peekToken().type)) break;
      if (node.children!.length > 0) {
        if (!this.skip(TOKEN.comma)) this.fail('expected a comma after the expression', tok.lineno, tok.colno);
        comma = true;
        if (CLOSERS.includes(this.peekToken().type)) break;
      }
      node.children!.push(type === nodes.Dict ? this.parsePair(tok) : this.parseExpression());
    }
    this.nextToken();
    // `(a, b)`, `(a,)` and `()` are tuples (lists here); `(a)` is a parenthesised expression.
    if (type === nodes.Group && (comma || node.children!.length === 0)) return new nodes.Array(tok.lineno, tok.colno, node.children);
    return node;
  }

  private parsePair(open: Token): AstNode {
    const key = this.parsePrimary();
    if (!this.skip(TOKEN.colon)) this.fail('expected a colon after the dict key', open.lineno, open.colno);
    return new nodes.Pair(key.lineno, key.colno, key, this.parseExpression());
  }

  override parsePostfix(node: AstNode): AstNode {
    for (let tok = this.peekToken(); tok; tok = this.peekToken()) {
      if (tok.type === TOKEN.leftParen) {
        const start = leftmost(node);
        node = new JinjaNodes.Call(start.lineno, start.colno, node, this.parseSignature());
      } else if (tok.type === TOKEN.leftBracket) {
        node = this.parseSubscript(node);
      } else if (tok.type === TOKEN.operator && tok.value === '.') {
        this.nextToken();
        const name = this.nextToken();
        if (name.type !== TOKEN.symbol && name.type !== TOKEN.int) this.fail(`expected a name after '.', got ${name.value}`, name.lineno, name.colno);
        const key = new nodes.Literal(name.lineno, name.colno, name.type === TOKEN.int ? Number(name.value) : name.value);
        node = new JinjaNodes.Lookup(tok.lineno, tok.colno, node, key, true);
      } else {
        break;
      }
    }
    return node;
  }

  /** `x[key]`, or a slice `x[a:b:c]` with any part left out. */
  private parseSubscript(target: AstNode): AstNode {
    const open = this.nextToken();
    const parts: (AstNode | null)[] = [null];
    let colons = 0;
    while (!this.skip(TOKEN.rightBracket)) {
      if (this.skip(TOKEN.colon)) {
        if (++colons > 2) this.fail('a slice has at most two colons', open.lineno, open.colno);
        parts.push(null);
      } else if (parts[parts.length - 1] === null) {
        parts[parts.length - 1] = this.parseExpression();
      } else {
        this.fail('expected ] after the index', open.lineno, open.colno);
      }
    }
    if (colons === 0) {
      if (!parts[0]) this.fail('expected an index between [ and ]', open.lineno, open.colno);
      return new JinjaNodes.Lookup(open.lineno, open.colno, target, parts[0], false);
    }
    return new JinjaNodes.Slice(open.lineno, open.colno, target, parts[0], parts[1], parts[2] ?? null);
  }

  override parseIs(): AstNode {
    const node = this.parseCompare();
    if (!this.skipSymbol('is')) return node;
    const negated = this.skipSymbol('not');
    const name = this.nextToken();
    // `is None`/`is True` name the tests none/true, like the literals they look like.
    const test = name.type === TOKEN.none ? 'none' : name.type === TOKEN.boolean || name.type === TOKEN.symbol ? name.value.replace(/^(None|True|False)$/, (w) => w.toLowerCase()) : undefined;
    if (test === undefined) this.fail(`expected the name of a test after 'is', got ${name.value}`, name.lineno, name.colno);
    const args = this.parseTestArgs(name);
    const is = new JinjaNodes.Is(node.lineno, node.colno, node, test, args);
    return negated ? new nodes.Not(node.lineno, node.colno, is) : is;
  }

  private parseTestArgs(name: Token): AstNode {
    const next = this.peekToken();
    if (next.type === TOKEN.leftParen) return this.parseSignature()!;
    const bare = ARGUMENT_STARTS.includes(next.type) && !(next.type === TOKEN.symbol && NOT_AN_ARGUMENT.has(next.value));
    return new nodes.NodeList(name.lineno, name.colno, bare ? [this.parsePrimary()] : []);
  }

  override parseSet(): AstNode {
    const tag = this.peekToken();
    if (!this.skipSymbol('set')) this.fail('expected set', tag.lineno, tag.colno);
    const targets: AstNode[] = [];
    do targets.push(this.parsePrimary());
    while (this.skip(TOKEN.comma));
    const attribute = targets.length === 1 && targets[0].typename === 'SparkifyLookup' && targets[0].attribute === true;
    if (!attribute && !targets.every((t) => t.typename === 'Symbol')) this.fail('can only set a name, names or namespace.attribute', tag.lineno, tag.colno);
    if (!this.skipValue(TOKEN.operator, '=')) return this.parseBlockSet(tag, targets, attribute);
    const value = this.parseTuple();
    this.advanceAfterBlockEnd(tag.value);
    if (attribute) return new JinjaNodes.SetAttr(tag.lineno, tag.colno, targets[0].target, (targets[0].val as AstNode).value, value);
    return this.assign(tag, targets, value);
  }

  /** `a, b` without brackets after `=`: a tuple. */
  private parseTuple(): AstNode {
    const first = this.parseExpression();
    if (this.peekToken().type !== TOKEN.comma) return first;
    const items = [first];
    while (this.skip(TOKEN.comma)) items.push(this.parseExpression());
    return new nodes.Array(first.lineno, first.colno, items);
  }

  private assign(tag: Token, targets: AstNode[], value: AstNode): AstNode {
    const set = (names: AstNode[], v: AstNode) => {
      const node = new nodes.Set(tag.lineno, tag.colno, names);
      node.value = v;
      return node;
    };
    if (targets.length === 1) return set(targets, value);
    // `{% set a, b = pair %}` unpacks (nunjucks would set both to the pair).
    const hold = new nodes.Symbol(tag.lineno, tag.colno, `__sparkify_unpack_${tag.lineno}_${tag.colno}`);
    const steps = [set([hold], new JinjaNodes.Unpack(tag.lineno, tag.colno, value, targets.length))];
    targets.forEach((target, i) => steps.push(set([target], new JinjaNodes.Lookup(tag.lineno, tag.colno, hold, new nodes.Literal(tag.lineno, tag.colno, i), false))));
    return new nodes.NodeList(tag.lineno, tag.colno, steps);
  }

  /** `{% set x %}...{% endset %}`: the body's output, as nunjucks' own parseSet reads it. */
  private parseBlockSet(tag: Token, targets: AstNode[], attribute: boolean): AstNode {
    if (attribute || targets.length > 1) this.fail('a block set takes a single name', tag.lineno, tag.colno);
    const end = this.nextToken();
    if (end?.type !== TOKEN.blockEnd) this.fail('expected = or the end of the set tag', tag.lineno, tag.colno);
    if (end.value.charAt(0) === '-') this.dropLeadingWhitespace = true;
    const node = new nodes.Set(tag.lineno, tag.colno, targets);
    node.body = new nodes.Capture(tag.lineno, tag.colno, this.parseUntilBlocks('endset'));
    node.value = null;
    this.advanceAfterBlockEnd();
    return node;
  }
}

/** The node where an expression starts (the callee's name of `a.b(c)`), for positions. */
function leftmost(node: AstNode): AstNode {
  let current = node;
  while (current.typename === 'SparkifyLookup' || current.typename === 'SparkifyCall' || current.typename === 'SparkifySlice') {
    current = (current.target ?? current.name) as AstNode;
  }
  return current;
}
