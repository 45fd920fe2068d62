/**
 * The compile result of the last run, reused while nothing it was made from changed (issue 13;
 * dbt's partial parsing, for the case where nothing changed). The key is a content hash of every
 * input of compileProject (project and target settings, vars, every template, schema, seed,
 * snapshot and docs file; the invocation and flags when templates name them), sparkify's version and its code (code-stamp.ts); environment variables
 * count by the values of those compile read (env_var()), recorded while compiling. A hit returns
 * the stored manifest and rebuilds the graph from the stored graph nodes; the log lines the
 * templates printed are printed again. A compile that failed is never stored. The file is two JSON
 * lines: what decides a hit (and is said again on one), then the manifest and graph, parsed only
 * when a command first reads them (a compile that finds target/ as it left it never does: at 5,000
 * models parsing them was a tenth of its time).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { SPARKIFY_VERSION } from '../version.js';
import { dirname } from 'node:path';
import { buildGraph } from '../graph/index.js';
import type { GraphNode } from '../graph/types.js';
import type { TemplateLogEntry } from '../jinja/context/template-log.js';
import type { Manifest } from '../manifest/manifest.js';
import type { Diagnostic } from '../diagnostics.js';
import { codeStamp } from './code-stamp.js';
import { compileProject, type CompileInput, type CompiledProject } from './compile-project.js';

/** Bumped when the file's layout or what the key covers changes. */
const FORMAT = 2;

/** The file's first line. */
interface Stored {
  format: number;
  key: string;
  /** Each environment variable compile read, with its value then (null: unset). */
  env: Record<string, string | null>;
  /** Read every variable (enumerated the environment): any change misses. */
  envHash?: string;
  logs: TemplateLogEntry[];
  /** Compile's warnings, said again on a hit. */
  warnings?: Diagnostic[];
  inlineSql?: string;
}

/** The file's second line. */
interface StoredResult {
  manifest: Manifest;
  graphNodes: GraphNode[];
}

/** Whether the result was reused, and the content key of compile's inputs (the same inputs give the same result). */
export interface CacheOutcome {
  cached: boolean;
  /** The key, with the values of the environment variables compile read: equal keys, equal manifests. */
  key: string;
}

/** compileProject, or the stored result of the last compile when none of its inputs changed. */
export function compileProjectCached(input: CompileInput, file: string): CompiledProject & CacheOutcome {
  const key = inputKey(input);
  const stored = readStored(file);
  const previous = stored?.head;
  if (stored && previous && previous.key === key && envUnchanged(previous, input.env)) {
    for (const entry of previous.logs) input.log?.(entry);
    // Assigned onto the lazy result, not spread: a spread would call its getters, parsing it now.
    return Object.assign(lazyResult(stored.resultText), {
      ...(previous.warnings ? { warnings: previous.warnings } : {}), ...(previous.inlineSql === undefined ? {} : { inlineSql: previous.inlineSql }), cached: true, key: fullKey(previous),
    });
  }
  const reads = new Map<string, string | null>();
  let enumerated = false;
  const logs: TemplateLogEntry[] = [];
  const env = new Proxy(input.env, {
    get: (target, name) => {
      if (typeof name === 'string') reads.set(name, target[name] ?? null);
      return target[name as string];
    },
    has: (target, name) => {
      if (typeof name === 'string') reads.set(name, target[name] ?? null);
      return name in target;
    },
    ownKeys: (target) => {
      enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
  const log = (entry: TemplateLogEntry) => {
    logs.push(entry);
    input.log?.(entry);
  };
  const compiled = compileProject({ ...input, env, log });
  const head: Stored = {
    format: FORMAT, key, env: Object.fromEntries(reads), logs,
    ...(compiled.warnings ? { warnings: compiled.warnings } : {}),
    ...(enumerated ? { envHash: hashEnv(input.env) } : {}),
    ...(compiled.inlineSql === undefined ? {} : { inlineSql: compiled.inlineSql }),
  };
  write(file, head, { manifest: compiled.manifest, graphNodes: [...compiled.graph.nodes.values()] });
  return { ...compiled, cached: false, key: fullKey(head) };
}

/** The stored manifest and graph, each parsed (and the graph built) when first read. */
function lazyResult(text: string): Pick<CompiledProject, 'manifest' | 'graph'> {
  let result: StoredResult | undefined;
  let graph: CompiledProject['graph'] | undefined;
  const parsed = () => (result ??= JSON.parse(text) as StoredResult);
  return {
    get manifest() {
      return parsed().manifest;
    },
    get graph() {
      return (graph ??= buildGraph(parsed().graphNodes));
    },
  };
}

/**
 * The content hash of everything compileProject reads but the environment. The invocation (a new id
 * and clock each run) and the command's flags count only when some template or setting names them:
 * otherwise every run would miss, and `compile` then `build` would evict each other's result.
 */
function inputKey(input: CompileInput): string {
  const { env: _env, log: _log, templateCache: _cache, invocation, flags, ...data } = input;
  const text = JSON.stringify({ format: FORMAT, sparkify: SPARKIFY_VERSION, code: codeStamp(), data });
  const perRun = RUN_CONTEXT_NAMES.test(text) ? JSON.stringify({ invocation, flags }) : '';
  return createHash('sha256').update(text).update(perRun).digest('base64url');
}

/** Names by which a template reads this run's invocation, clock or flags (modules.datetime reads the run's start). */
const RUN_CONTEXT_NAMES = /\b(?:invocation_id|run_started_at|flags|modules)\b/;

function fullKey(stored: Stored): string {
  return createHash('sha256').update(JSON.stringify([stored.key, stored.env, stored.envHash ?? null])).digest('base64url');
}

function envUnchanged(stored: Stored, env: Record<string, string | undefined>): boolean {
  if (stored.envHash !== undefined) return stored.envHash === hashEnv(env);
  return Object.entries(stored.env).every(([name, value]) => (env[name] ?? null) === value);
}

function hashEnv(env: Record<string, string | undefined>): string {
  return createHash('sha256').update(JSON.stringify(Object.entries(env).sort())).digest('base64url');
}

/** The file's first line parsed, and its second as text; undefined when missing, of another format or cut short. */
function readStored(file: string): { head: Stored; resultText: string } | undefined {
  try {
    const text = readFileSync(file, 'utf8');
    const newline = text.indexOf('\n');
    // A file cut short (a full disk) ends before its second line's last character.
    if (newline === -1 || !text.endsWith('}\n')) return undefined;
    const head = JSON.parse(text.slice(0, newline)) as Stored;
    return head.format === FORMAT ? { head, resultText: text.slice(newline + 1) } : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (a temp file renamed over it); a failure only costs the next run its speed-up. */
function write(file: string, head: Stored, result: StoredResult): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    // JSON.stringify writes no raw newline: the first one ends the first line.
    writeFileSync(temp, `${JSON.stringify(head)}\n${JSON.stringify(result)}\n`);
    renameSync(temp, file);
  } catch (error) {
    if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: cannot write ${file}: ${(error as Error).message}\n`);
  }
}
