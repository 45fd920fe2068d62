/**
 * The run-time render of a model whose template introspects (ModelNode.introspects): dbt renders
 * such a node with `execute` true just before it builds it, on the run's connection. This renders
 * the model's template again in an environment like compile's (same macros, vars, docs), but with
 * the compiled manifest's relations and graph, `execute` true and an IntrospectionSession answered
 * by `introspector` (see src/jinja/context/introspection.ts for the suspend-and-retry loop). The
 * model's config, refs and dependencies stay those of compile; only its SQL is new.
 */
import { fileContext } from '../jinja/macro-registry.js';
import type { Diagnostic } from '../diagnostics.js';
import { consumedRelation } from '../plan/loads/load-ledger.js';
import { engineOf, keepsLedgers } from '../engines/registry.js';
import type { Relation, SqlQuoting } from '../sql/quote.js';
import { SparkifyError } from '../diagnostics.js';
import { collectDocBlocks } from '../jinja/context/docs-blocks.js';
import type { Invocation } from '../jinja/context/dbt-context.js';
import type { TemplateLog, TemplateLogEntry } from '../jinja/context/template-log.js';
import { graphFromManifest } from '../jinja/context/graph-view.js';
import { IntrospectionSession, renderIntrospecting, type IntrospectionRequest, type Introspector } from '../jinja/context/introspection.js';
import type { RelationParts } from '../jinja/context/relation.js';
import { targetContext } from '../jinja/context/target-context.js';
import type { CompileInput } from './compile-project.js';
import { registerMacros } from './register-macros.js';
import { packageNames } from './template-context.js';
import type { Manifest, ModelNode, SourceNode } from '../manifest/manifest.js';
import { RenderScope, installRenderGlobals, resolveMarkers, type KnownNames, type MarkerKind } from '../jinja/render-scope.js';
import { resolveRelations } from './resolve-relations.js';
import { compileTemplate, createTemplateEnvironment } from '../jinja/template-environment.js';
import { useTemplateCache } from '../jinja/template-cache.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import type { SeedNode } from '../manifest/seed-node.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';

/** What a run-time render needs. */
export interface RunRenderInput {
  /** The input compile had (project, templates, env, docs). */
  compile: CompileInput;
  /** The manifest compile produced. */
  manifest: Manifest;
  /** Answers the template's questions on the run's connection. */
  introspector: Introspector;
  /** The run's id and start, for invocation_id and run_started_at (else those compile had). */
  invocation?: Invocation;
  /** dbt's flags as the run sees them (FULL_REFRESH, ...) (else those compile had). */
  flags?: Record<string, unknown>;
}

/** A model's SQL as the run renders it, and the questions it asked. */
export interface RunRender {
  compiledSql: string;
  /** The SQL with is_incremental() true, for an incremental model. */
  incrementalSql?: string;
  asked: IntrospectionRequest[];
}

/** `ref`/`source`/`this` parts from the compiled manifest, and a source's consumed-loads table (load-ledger.ts). */
export function manifestRelations(manifest: Manifest): (kind: MarkerKind, key: string) => RelationParts | undefined {
  return (kind, key) => {
    const ids = kind === 'source' || kind === 'consumed' ? [`source.${key}`] : [`model.${key}`, `seed.${key}`, `snapshot.${key}`];
    const node = ids.map((id) => manifest.nodes[id]).find((n) => n !== undefined) as { relation?: { schema: string; identifier: string }; kind: string; config?: { materialized?: string } } | undefined;
    if (!node?.relation) return undefined;
    if (kind === 'consumed') return { ...consumedRelation(node.relation), type: 'table' };
    return { schema: node.relation.schema, identifier: node.relation.identifier, type: node.config?.materialized === 'view' ? 'view' : 'table' };
  };
}

/** Swaps the relation markers of run-time rendered SQL for the compiled manifest's quoted relations. */
export function manifestResolver(manifest: Manifest, quoting: SqlQuoting): (sql: string) => string {
  const relationOf = manifestRelations(manifest);
  return (sql) => resolveMarkers(sql, (kind, key) => quoting.relation(relationOf(kind, key) as Relation));
}

/** The names and context a run-time render knows: compile's inputs with the compiled manifest's relations. */
export function knownNames(run: RunRenderInput, report: (d: Diagnostic) => void, log?: TemplateLog): KnownNames {
  const { compile, manifest } = run;
  const nodes = Object.values(manifest.nodes);
  return {
    models: new Set(nodes.filter((n) => n.kind === 'model' || n.kind === 'seed' || n.kind === 'snapshot').map((n) => n.name)),
    sourceTables: new Set(nodes.filter((n): n is SourceNode => n.kind === 'source').map((n) => `${n.sourceName}.${n.name}`)),
    vars: compile.project.config.vars,
    env: compile.env,
    target: targetContext(compile.project.target, compile.project.config.name),
    projectName: compile.project.config.name,
    ledgers: keepsLedgers(compile.project.target),
    modelDefaults: compile.project.config.modelDefaults,
    relationOf: manifestRelations(manifest),
    docs: collectDocBlocks(compile.docs ?? [], report),
    graph: graphFromManifest(manifest),
    invocation: run.invocation ?? compile.invocation,
    flags: run.flags ?? compile.flags,
    log: log ?? run.compile.log,
    ...packageNames(compile.project),
  };
}

/**
 * What templates log during a run-time render, kept per pass: a render suspended on a question is
 * rendered again from the top, and only the pass that completes is heard (once, as dbt logs it).
 */
class PassLog {
  private entries: TemplateLogEntry[] = [];
  constructor(private readonly sink?: TemplateLog) {}
  readonly log: TemplateLog = (entry) => void this.entries.push(entry);
  /** A new pass starts: what the previous one said is dropped. */
  restart(): void {
    this.entries = [];
  }
  /** The pass completed: its messages go out. */
  flush(): void {
    for (const entry of this.entries) this.sink?.(entry);
    this.entries = [];
  }
}

/** Which renders of a model the run needs: both (compile shows both plans), or the one its plan runs. */
export type RunVariant = 'both' | 'full' | 'incremental';

/**
 * Renders model `name` with `execute` true; throws SparkifyError on a template error. An
 * incremental model is rendered as `variant` says: a build renders only the SQL its plan runs, so
 * that a statement() in the template runs once.
 */
export async function renderModelForRun(run: RunRenderInput, name: string, variant: RunVariant = 'both'): Promise<RunRender> {
  const problems: Diagnostic[] = [];
  const model = run.manifest.nodes[`model.${name}`] as ModelNode | undefined;
  const file = run.compile.files.models.find((f) => f.path === model?.path);
  if (!model || !file) throw new Error(`renderModelForRun: no model ${name} in the manifest and templates`);
  const engine = engineOf(run.compile.project.target);
  const env = createTemplateEnvironment(engine.quoting);
  useTemplateCache(env, run.compile.templateCache);
  const passLog = new PassLog(run.compile.log);
  const scopes = installRenderGlobals(env, knownNames(run, (d) => problems.push(d), passLog.log));
  registerMacros(env, [...run.compile.files.macros, ...(run.compile.dataTests?.generic ?? [])], scopes, run.compile.project.target.type, problems);
  if (problems.length > 0) throw new SparkifyError(problems);
  const asked: IntrospectionRequest[] = [];
  const resolve = manifestResolver(run.manifest, engine.quoting);
  const once = async (incremental: boolean) => {
    const session = new IntrospectionSession(resolve);
    let scope = new RenderScope(name);
    const render = () => {
      passLog.restart();
      scope = Object.assign(new RenderScope(name), { node: { resourceType: 'model' as const, path: file.path }, package: file.package?.name, execute: true, introspection: session, incremental });
      scopes.enter(scope);
      return compileTemplate(env, file.source, file.path).render(fileContext(env, file));
    };
    try {
      const sql = await renderIntrospecting(render, run.introspector, session);
      passLog.flush();
      asked.push(...session.asked);
      return resolveFor(run.manifest, model, sql, scope.refs, engine.quoting);
    } catch (error) {
      if (error instanceof SparkifyError) throw error;
      throw new SparkifyError(templateErrorToDiagnostic(error, file.path, model.id, scope.raised, file.source));
    }
  };
  const full = variant !== 'incremental';
  const compiledSql = full ? await once(false) : model.compiledSql;
  const incrementalSql = model.incremental && variant !== 'full' ? await once(true) : undefined;
  return { compiledSql, ...(incrementalSql === undefined ? {} : { incrementalSql }), asked };
}

/** Resolves the markers of a fresh render as compile did, ephemeral CTEs included. */
function resolveFor(manifest: Manifest, model: ModelNode, sql: string, refs: string[], quoting: SqlQuoting): string {
  const nodes = Object.values(manifest.nodes);
  // Copies without incremental SQL or hooks: resolveRelations rewrites what it is given, and the
  // manifest's SQL is resolved already (an ephemeral body keeps the CTEs it was compiled with).
  const others = nodes.filter((n): n is ModelNode => n.kind === 'model' && n.id !== model.id).map((m) => ({ ...m, incremental: undefined, hooks: undefined }));
  const fresh: ModelNode = { ...model, compiledSql: sql, refs: [...new Set([...model.refs, ...refs])], incremental: undefined, hooks: undefined };
  resolveRelations({
    models: [fresh, ...others],
    sources: nodes.filter((n): n is SourceNode => n.kind === 'source'),
    quoting,
    seeds: nodes.filter((n): n is SeedNode => n.kind === 'seed'),
    snapshots: nodes.filter((n): n is SnapshotNode => n.kind === 'snapshot').map((s) => ({ ...s })),
  });
  return fresh.compiledSql;
}
