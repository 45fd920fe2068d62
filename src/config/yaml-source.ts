/** Reading a config file into a YAML document whose nodes can be turned into file:line:col. */
import type { Position } from '../diagnostics.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document, type YAMLError } from 'yaml';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { ProjectErrors } from './error-codes.js';
import { yamlSyntaxDiagnostic } from './yaml-syntax.js';

/** A node or anything else with a yaml source range. */
interface Ranged {
  range?: readonly [number, number, number] | null;
}

/** A parsed config file: its document, node positions and the problems found while reading it. */
export class YamlSource {
  readonly diagnostics: Diagnostic[] = [];
  /** Problems that do not stop the command (a missing dwh.cfg during compile); printed as warnings. */
  readonly warnings: Diagnostic[] = [];

  constructor(
    readonly file: string,
    readonly document: Document.Parsed,
    private readonly lines: LineCounter,
  ) {}

  /** Where `node` starts; `fallback` when the node has no range (absent or synthesized). */
  position(node: Ranged | null | undefined, fallback?: Position): Position {
    if (!node?.range) return fallback ?? { file: this.file, line: 1, column: 1 };
    return this.offsetPosition(node.range[0]);
  }

  /** Position of a character offset. */
  offsetPosition(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    // linePos reports line 0 before the first newline is known.
    return { file: this.file, line: Math.max(line, 1), column: col };
  }

  /** Records a problem; the loader throws them all together once the file is read. */
  report(code: string, message: string, at: Position, hint?: string, node?: string): void {
    const location = { file: at.file, line: at.line, column: at.column };
    this.diagnostics.push({ code, message, location, hint, ...(node ? { node } : {}) });
  }

  /** Throws one SparkifyError with every problem reported so far, in file order, if any. */
  throwIfProblems(): void {
    if (this.diagnostics.length === 0) return;
    // Readers visit keys in dependency order (vars first); users read the file top to bottom.
    const sorted = [...this.diagnostics].sort((a, b) => order(a) - order(b));
    throw new SparkifyError(sorted, 2);
  }
}

function order(diagnostic: Diagnostic): number {
  return (diagnostic.location?.line ?? 0) * 10_000 + (diagnostic.location?.column ?? 0);
}

/** Reads `root/file`; undefined when it does not exist, SPK010 listing every syntax error. */
export function readYamlSource(root: string, file: string): YamlSource | undefined {
  const text = readText(root, file);
  if (text === undefined) return undefined;
  return parseYamlSource(file, text);
}

/** Parses YAML text read elsewhere (schema files are read before compile); SPK010 listing every syntax error. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: true });
  if (document.errors.length > 0) {
    throw new SparkifyError(syntaxDiagnostics(file, text, document.errors), 2);
  }
  return new YamlSource(file, document, lines);
}

function readText(root: string, file: string): string | undefined {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    const reason = (error as Error).message;
    const message = `cannot read ${file}: ${reason}`;
    throw new SparkifyError({ code: ProjectErrors.missingFile, message, location: { file } });
  }
}

/**
 * The first syntax error only: after one mistake yaml reports the lines that follow it too (a tab
 * on line 11 makes line 66 "a block sequence used as an implicit key"), which only mislead.
 */
function syntaxDiagnostics(file: string, text: string, errors: YAMLError[]): Diagnostic[] {
  return [yamlSyntaxDiagnostic(file, text, errors[0])];
}
