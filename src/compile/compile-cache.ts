/**
 * The compile result of the last run, reused while nothing it was made from changed (issue 13;
 * dbt's partial parsing, for the case where nothing changed). The key is a content hash of every
 * input of compileProject (project and target settings, vars, every template, schema, seed,
 * snapshot and docs file; the invocation and flags when templates name them), sparkify's version and its code (code-stamp.ts); environment variables
 * count by the values of those compile read (env_var()), recorded while compiling. A hit returns
 * the stored manifest and rebuilds the graph from the stored graph nodes; the log lines the
 * templates printed are printed again. A compile that failed is never stored.
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
const FORMAT = 1;

/** The file's content. */
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
  manifest: Manifest;
  graphNodes: GraphNode[];
  inlineSql?: string;
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
  const previous = readStored(file);
  if (previous && previous.key === key && envUnchanged(previous, input.env)) {
    for (const entry of previous.logs) input.log?.(entry);
    const graph = buildGraph(previous.graphNodes);
    return { manifest: previous.manifest, graph, ...(previous.warnings ? { warnings: previous.warnings } : {}), ...(previous.inlineSql === undefined ? {} : { inlineSql: previous.inlineSql }), cached: true, key: fullKey(previous) };
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
  const stored: Stored = {
    format: FORMAT, key, env: Object.fromEntries(reads), logs, manifest: compiled.manifest,
    ...(compiled.warnings ? { warnings: compiled.warnings } : {}),
    graphNodes: [...compiled.graph.nodes.values()],
    ...(enumerated ? { envHash: hashEnv(input.env) } : {}),
    ...(compiled.inlineSql === undefined ? {} : { inlineSql: compiled.inlineSql }),
  };
  write(file, stored);
  return { ...compiled, cached: false, key: fullKey(stored) };
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

function readStored(file: string): Stored | undefined {
  try {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    return stored.format === FORMAT ? stored : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (a temp file renamed over it); a failure only costs the next run its speed-up. */
function write(file: string, stored: Stored): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(stored));
    renameSync(temp, file);
  } catch (error) {
    if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: cannot write ${file}: ${(error as Error).message}\n`);
  }
}
