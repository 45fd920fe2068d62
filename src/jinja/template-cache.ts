/**
 * A persistent cache of compiled templates (issue 13): the JavaScript that nunjucks' compiler, with
 * our Jinja parser and node types, generates from a template, keyed by a content hash of the
 * template's path and text. Lexing, parsing, the CPS transform and code generation were about two
 * thirds of compile time; a hit skips them all and only V8 compiles the cached code. The generated
 * code is a pure function of the text, the path (baked into error positions) and the compiler, so a
 * hit renders byte for byte what a fresh compile would. The compiler's identity (sparkify, nunjucks,
 * the code of src/jinja, the environment's options) is stored with the entries: any change to it
 * drops them all. Templates that fail to compile are never cached: their errors come fresh.
 */
import { SPARKIFY_VERSION } from '../version.js';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { compileSource } from './nunjucks-internals.js';

/** Bumped when the file's layout changes. */
const FORMAT = 1;

/** The source of the function that returns a template's `root` and blocks. */
type Code = string;

/** The file's content. */
interface Stored {
  compiler?: string;
  entries: Map<string, Code>;
}

/** The environment's fields the compiler reads (not in @types/nunjucks). */
interface EnvironmentInternals {
  asyncFilters: string[];
  extensionsList: { tags?: string[] }[];
  opts: object;
}
const internals = (env: nunjucks.Environment) => env as unknown as EnvironmentInternals;

const caches = new WeakMap<nunjucks.Environment, TemplateCache>();

/** Compiled templates of one project, read from and written back to one JSON file. */
export class TemplateCache {
  private stored: Stored = { entries: new Map() };
  private readonly used = new Map<string, Code>();
  private compiler?: string;
  private misses = 0;

  /** Reads `file` on the first compile (a missing or unreadable file is an empty cache); without a file, nothing persists. */
  constructor(private readonly file?: string) {}

  /** Hits and misses so far, for the benchmarks and tests. */
  get stats(): { hits: number; misses: number } {
    return { hits: this.used.size - this.misses, misses: this.misses };
  }

  /** Compiles `source` in `env`, or reuses the code compiled for the same text, path and compiler. */
  compile(env: nunjucks.Environment, source: string, path: string): nunjucks.Template {
    if (this.compiler === undefined) {
      // Read only now: a run that reuses the whole compile (compile-cache.ts) compiles no template.
      this.compiler = compilerIdentity(env);
      if (this.file) this.stored = readStored(this.file);
      if (this.stored.compiler !== this.compiler) this.stored = { entries: new Map() };
    }
    const key = createHash('sha256').update(`${path}\0${source}`).digest('base64url');
    let code = this.used.get(key) ?? this.stored.entries.get(key);
    if (code === undefined) {
      const { asyncFilters, extensionsList, opts } = internals(env);
      try {
        code = compileSource(source, asyncFilters, extensionsList, path, opts);
      } catch {
        // nunjucks' Template words the error (path, line and column) as an uncached compile does.
        return new nunjucks.Template(source, env, path, true);
      }
      this.misses++;
    }
    this.used.set(key, code);
    // What nunjucks' Template does with freshly generated code (environment.js, _compile).
    const props = new Function(code)() as object;
    return new nunjucks.Template({ type: 'code', obj: props } as never, env, path, true);
  }

  /** Writes the entries this run used (so the file holds the project as it is now), unless nothing changed. */
  save(): void {
    if (!this.file || this.compiler === undefined) return;
    if (this.misses === 0 && this.used.size === this.stored.entries.size) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ format: FORMAT, compiler: this.compiler, entries: Object.fromEntries(this.used) }));
      renameSync(temp, this.file);
    } catch (error) {
      // Only the next run's speed-up is lost.
      if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: cannot write ${this.file}: ${(error as Error).message}\n`);
    }
  }
}

/** Makes compileTemplate() in `env` go through `cache`. */
export function useTemplateCache(env: nunjucks.Environment, cache: TemplateCache | undefined): void {
  if (cache) caches.set(env, cache);
}

/** The cache compileTemplate() uses in `env`, if any. */
export function templateCacheOf(env: nunjucks.Environment): TemplateCache | undefined {
  return caches.get(env);
}

let ownCodeHash: string | undefined;

/** What generated code depends on besides the template: sparkify, nunjucks, src/jinja's code, the options. */
function compilerIdentity(env: nunjucks.Environment): string {
  ownCodeHash ??= hashOwnCode();
  const require = createRequire(import.meta.url);
  const versions = [(require('nunjucks/package.json') as { version: string }).version, SPARKIFY_VERSION];
  const { asyncFilters, extensionsList, opts } = internals(env);
  const options = { opts, asyncFilters, tags: extensionsList.map((e) => e.tags ?? []) };
  return createHash('sha256').update(JSON.stringify({ versions, code: ownCodeHash, options })).digest('base64url');
}

/** A hash of this folder's compiled files: the lexer, parser, node types and their code generation. */
function hashOwnCode(): string {
  const dir = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.js')).sort()) hash.update(name).update(readFileSync(join(dir, name)));
  return hash.digest('base64url');
}

function readStored(file: string): Stored {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; compiler?: unknown; entries?: unknown };
    if (parsed.format !== FORMAT || typeof parsed.compiler !== 'string' || typeof parsed.entries !== 'object' || parsed.entries === null) {
      return { entries: new Map() };
    }
    return { compiler: parsed.compiler, entries: new Map(Object.entries(parsed.entries as Record<string, Code>)) };
  } catch {
    return { entries: new Map() };
  }
}
