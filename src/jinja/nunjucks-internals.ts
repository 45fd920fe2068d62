/**
 * Typed handles on the parts of nunjucks that its public `nunjucks.parser`, `.nodes`, `.lexer`,
 * `.compiler` and `.runtime` exports expose but @types/nunjucks does not describe. Only what the
 * Jinja layer uses is typed; see node_modules/nunjucks/src for the originals.
 */
import nunjucks from 'nunjucks';

/** A nunjucks AST node; its fields vary by type (`fields` lists them). */
export interface AstNode {
  lineno: number;
  colno: number;
  readonly typename: string;
  readonly fields: string[];
  children?: AstNode[];
  [field: string]: unknown;
}

/** A node class, as `nodes.X` or a subclass made with `extend`. */
export interface NodeClass {
  new (lineno: number, colno: number, ...fields: unknown[]): AstNode;
  extend(name: string, props?: Record<string, unknown>): NodeClass;
}

/** A lexer token. */
export interface Token {
  type: string;
  value: string;
  lineno: number;
  colno: number;
}

/** The parser methods the Jinja parser calls or overrides. */
export interface NunjucksParser {
  extensions: unknown[];
  dropLeadingWhitespace: boolean;
  nextToken(withWhitespace?: boolean): Token;
  peekToken(): Token;
  pushToken(tok: Token): void;
  skip(type: string): boolean;
  skipValue(type: string, value: string): boolean;
  skipSymbol(value: string): boolean;
  expect(type: string): Token;
  fail(message: string, lineno?: number, colno?: number): never;
  advanceAfterBlockEnd(name?: string): Token;
  parseExpression(): AstNode;
  parsePrimary(noPostfix?: boolean): AstNode;
  parsePostfix(node: AstNode): AstNode;
  parseAggregate(): AstNode | null;
  parseSignature(tolerant?: boolean, noParens?: boolean): AstNode | null;
  parseUntilBlocks(...names: string[]): AstNode;
  parseCompare(): AstNode;
  parseIs(): AstNode;
  parseSet(): AstNode;
  parseMacro(): AstNode;
  parseFor(): AstNode;
  parseAsRoot(): AstNode;
}

/** The nunjucks Parser class. */
export type ParserClass = new (tokens: unknown) => NunjucksParser;

/** The compiler methods our compile methods use (see nunjucks/src/compiler.js). */
export interface NunjucksCompiler {
  buffer: string;
  templateName: string | undefined;
  _emit(code: string): void;
  _emitLine(code: string): void;
  _withScopedSyntax(fn: () => void): void;
  compile(node: AstNode, frame: unknown): void;
  _compileExpression(node: AstNode, frame: unknown): void;
  _compileAggregate(node: AstNode, frame: unknown, start?: string, end?: string): void;
}

interface ParserModule {
  parse(src: string, extensions?: unknown[], opts?: unknown): AstNode;
  Parser: ParserClass;
}

interface LexerModule {
  lex(src: string, opts?: unknown): unknown;
  [token: string]: unknown;
}

/** The nunjucks runtime object compiled templates call. */
export interface NunjucksRuntime {
  SafeString: new (value: string) => { val: string };
  handleError(error: unknown, lineno: number, colno: number): Error & { lineno?: number; Update(path?: string): Error };
  callWrap(fn: unknown, name: string, context: unknown, args: unknown[]): unknown;
}

const api = nunjucks as unknown as {
  parser: ParserModule;
  nodes: Record<string, NodeClass>;
  lexer: LexerModule;
  compiler: { Compiler: { prototype: Record<string, unknown> } };
  runtime: NunjucksRuntime;
};

/** The parser module: `parse` is what compiled templates go through. */
export const parserModule = api.parser;
/** Node classes by type name; our own types are registered here too (the transformer rebuilds nodes by name). */
export const nodes = api.nodes;
/** The compiler's prototype, where our node types get their compile methods. */
export const compilerPrototype = api.compiler.Compiler.prototype;
/** The runtime object compiled code calls. */
export const runtime = api.runtime;

/** Lexer token type names. */
export const TOKEN = {
  string: 'string',
  int: 'int',
  float: 'float',
  boolean: 'boolean',
  none: 'none',
  symbol: 'symbol',
  operator: 'operator',
  comma: 'comma',
  colon: 'colon',
  leftParen: 'left-paren',
  rightParen: 'right-paren',
  leftBracket: 'left-bracket',
  rightBracket: 'right-bracket',
  leftCurly: 'left-curly',
  rightCurly: 'right-curly',
  blockEnd: 'block-end',
} as const;

/** The environment's test registry, which @types/nunjucks leaves out. */
export interface TestRegistry {
  getTest(name: string): (...args: unknown[]) => unknown;
  addTest(name: string, test: (...args: unknown[]) => unknown): unknown;
  getFilter(name: string): (...args: unknown[]) => unknown;
}

/** `env` with its test registry typed. */
export function testRegistry(env: nunjucks.Environment): TestRegistry {
  return env as unknown as TestRegistry;
}
