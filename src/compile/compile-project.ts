import { createHash } from 'node:crypto';
import { fileContext } from '../jinja/macro-registry.js';
import { CompileErrors } from './error-codes.js';
import { TemplateErrors } from '../jinja/error-codes.js';
import { posix } from 'node:path';
import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../diagnostics.js';
import { SparkifyError } from '../diagnostics.js';
import { buildGraph } from '../graph/index.js';
import type { Graph, GraphNode } from '../graph/types.js';
import type { LoadedProject } from '../project/types.js';
import type { Manifest, ManifestNode, ModelNode } from '../manifest/manifest.js';
import { MANIFEST_SCHEMA_VERSION, modelId, sourceId } from '../manifest/manifest.js';
import { checkColumnTypes, checkReservedColumns, compileSource, sourceGraphNode } from './compile-source.js';
import type { DeferredRelations } from './resolve-relations.js';
import { resolveModelConfig } from './model-config.js';
import type { ProjectFiles, TemplateFile } from '../project/project-files.js';
import { registerMacros } from './register-macros.js';
import { configFunctionsOutsideTargets, engineOf, keepsLedgers } from '../engines/registry.js';
import { installRenderGlobals, RenderScope, type RenderGlobals } from '../jinja/render-scope.js';
import { compileTemplate, createTemplateEnvironment } from '../jinja/template-environment.js';
import { useTemplateCache, type TemplateCache } from '../jinja/template-cache.js';
import { modelDefaultsFor, packageModelDefaults, snapshotFolderConfigs } from '../project/dbt/model-defaults.js';
import { testFolderConfig } from '../project/dbt/test-folder-configs.js';
import { pathInPackage } from '../project/packages/installed-packages.js';
import { templateContext } from './template-context.js';
import { collectDocBlocks, docConfigFunction } from '../jinja/context/docs-blocks.js';
import type { TemplateLog } from '../jinja/context/template-log.js';
import type { Invocation } from '../jinja/context/dbt-context.js';
import { renderModelExtras } from './model-extras.js';
import { schemaModelConfigs, withSchemaConfig } from './schema-model-configs.js';
import { checkJsonpathsOutsideData } from './jsonpaths-location.js';
import { foldRelations } from './fold-relations.js';
import { resolveRelations } from './resolve-relations.js';
import { checkOperation } from './render-operation.js';
import { renderRunHooks, resolveRunHooks } from './run-hooks.js';
import { compileDataTests, testGraphNode, type DataTestFiles } from '../data-tests/index.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import { compileSeeds, pointRefsAtSeeds, seedGraphNode } from '../seeds/compile-seeds.js';
import type { SeedFile } from '../seeds/seed-files.js';
import { compileUnitTests, unitTestGraphNode } from '../unit-tests/compile-unit-tests.js';
import { compileSnapshots, pointRefsAtSnapshots, snapshotGraphNode, snapshotName } from '../snapshots/compile-snapshots.js';
import { DBT_META_COLUMNS } from '../snapshots/snapshot-config.js';

/** Inputs of the compile phase: the parsed project, its template files and the environment. */
export interface CompileInput {
  project: LoadedProject;
  files: ProjectFiles;
  env: Record<string, string | undefined>;
  /** An ad-hoc query (`sparkify show --inline`) rendered with the same ref()/source(). */
  inline?: string;
  /** Schema files, singular tests and generic-test macros; without them the project has no tests. */
  dataTests?: DataTestFiles;
  /** The CSV files under seeds/; without them the project has no seeds. */
  seeds?: SeedFile[];
  /** The templates under snapshots/; without them the project has no snapshots. */
  snapshots?: TemplateFile[];
  /** --empty: refs and sources in models and snapshots read as zero rows (dbt's schema-only dry run). */
  empty?: boolean;
  /** --defer: refs to these models, seeds and snapshots read the state's relations instead. */
  deferred?: DeferredRelations;
  /** run-operation: the macro to call with its arguments (checked to exist; the run renders it). */
  operation?: { macro: string; args: Record<string, unknown> };
  /** The `.md` files under the model paths, holding `{% docs %}` blocks for doc(). */
  docs?: TemplateFile[];
  /** Where templates' log(), print() and exceptions.warn() go; without it they are dropped. */
  log?: TemplateLog;
  /** invocation_id and run_started_at; fixed (zeros, 1970) unless given, so that compile reads no clock. */
  invocation?: Invocation;
  /** dbt's `flags` as templates see them (FULL_REFRESH, WHICH, ...). */
  flags?: Record<string, unknown>;
  /** Compiled templates of earlier runs (a memo: the output is the same with or without it). */
  templateCache?: TemplateCache;
}

/** The manifest and its dependency graph, ready for selection and planning. */
export interface CompiledProject {
  manifest: Manifest;
  graph: Graph;
  /** The compiled `inline` query, when one was given. */
  inlineSql?: string;
  /** Problems that do not stop compile (dbt keys of schema files read past, SPK040). */
  warnings?: Diagnostic[];
}

/**
 * The pure compile phase: renders every model, resolves refs into relations and returns the
 * manifest. Touches no database, network or clock. Collects every problem and throws them together.
 */
export function compileProject(input: CompileInput): CompiledProject {
  const diagnostics: Diagnostic[] = [];
  const { project, files } = input;
  const engine = engineOf(project.target);
  const sources = project.sources.map((table) => compileSource(table, project.target.schema));
  checkColumnTypes(project.sources, diagnostics);
  checkReservedColumns(project.sources, diagnostics);
  checkJsonpathsOutsideData(project.sources, diagnostics);
  const modelFiles = uniqueModelFiles(files.models, diagnostics);
  const seeds = compileSeeds(input.seeds ?? [], {
    schema: project.target.schema, configs: project.config.seeds ?? {}, modelNames: new Set(modelFiles.keys()),
    // Redshift has no COPY FROM STDIN: its plan inserts the rows as literals (RedshiftDialect.loadSeed).
    keepRows: engine.capabilities.seedLoad === 'insert-literals',
    // dbt names a custom schema `<target schema>_<custom>` (generate_schema_name), as for models.
    ...(project.config.flavor === 'dbt' ? { schemaFor: (custom: string) => `${project.target.schema}_${custom.trim()}` } : {}),
  }, diagnostics);

  const env = createTemplateEnvironment(engine.quoting);
  useTemplateCache(env, input.templateCache);
  const docs = collectDocBlocks(input.docs ?? [], (d) => diagnostics.push(d));
  const scopes = installRenderGlobals(env, {
    models: new Set([...modelFiles.keys(), ...seeds.map((s) => s.name), ...(input.snapshots ?? []).map(snapshotName)]),
    sourceTables: new Set(project.sources.map((t) => `${t.sourceName}.${t.name}`)),
    ledgers: keepsLedgers(project.target),
    vars: project.config.vars,
    env: input.env,
    ...templateContext(input, modelFiles, sources, docs),
  });
  registerMacros(env, [...files.macros, ...(input.dataTests?.generic ?? [])], scopes, project.target.type, diagnostics);
  const targetInfo = { name: project.target.name, type: project.target.type, schema: project.target.schema };

  const readContext = { env: input.env, vars: project.config.vars, functions: { ...configFunctionsOutsideTargets(), doc: docConfigFunction(docs) } };
  const schemaConfigs = schemaModelConfigs(input.dataTests?.schemas ?? [], readContext);
  const models: ModelNode[] = [];
  // Models whose template did not render: their error is reported, and refs to them are not (again).
  const failed = new Set<string>();
  for (const [name, file] of modelFiles) {
    const model = renderModel(env, scopes, name, file, project, targetInfo, diagnostics, schemaConfigs.get(name));
    if (!model) failed.add(name);
    else if (model.config.enabled) models.push(model);
  }
  checkRefsEnabled(models, modelFiles, failed, diagnostics);
  pointRefsAtSeeds(models, seeds);
  const snapshots = compileSnapshots(input.snapshots ?? [], {
    env, scopes, projectName: project.config.name, target: targetInfo, models: new Set(models.map((m) => m.name)),
    modelNames: new Set(modelFiles.keys()), seeds: new Set(seeds.map((s) => s.name)), failedModels: failed,
    ...(project.config.flavor === 'dbt' ? { metaColumns: DBT_META_COLUMNS, dbtSchemaNames: true, folderConfigs: (fqn: string[]) => snapshotFolderConfigs(project.config, fqn) } : {}),
  }, diagnostics);
  pointRefsAtSnapshots(models, snapshots);
  const runHooks = renderRunHooks(env, scopes, project.config, targetInfo, diagnostics);
  const inline = input.inline === undefined ? undefined
    : renderModel(env, scopes, 'inline', { path: '<inline>', source: input.inline }, project, targetInfo, diagnostics);
  const warnings: Diagnostic[] = [];
  const tests = input.dataTests === undefined ? [] : compileDataTests({
    files: input.dataTests, env, scopes, projectName: project.config.name, target: targetInfo, quoting: engine.quoting,
    readContext, failedModels: failed,
    // Snapshots and seeds are tested like models: tests read only their name, id, relation and docs.
    models: [...models, ...snapshots, ...seeds],
    // Disabled seeds too: a schema file documenting one is not an error (its tests are left out).
    modelNames: new Set([...modelFiles.keys(), ...snapshots.map((s) => s.name), ...(input.seeds ?? []).map((f) => posix.basename(f.path, '.csv'))]),
    sources, sourceTables: project.sources, macroFiles: [...files.macros, ...input.dataTests.generic], warn: (w) => warnings.push(w),
    ...(project.config.flavor === 'dbt' ? { folderConfig: (path: string[]) => testFolderConfig(project.config, path) } : {}),
  }, diagnostics);
  pointRefsAtSnapshots(tests, snapshots);
  pointRefsAtSeeds(tests, seeds);
  if (input.operation) checkOperation(env, input.operation, [...files.macros, ...(input.dataTests?.generic ?? [])], diagnostics);
  const unitTests = compileUnitTests({
    env, scopes, target: targetInfo, projectName: project.config.name, readContext,
    schemas: input.dataTests?.schemas ?? [], fixtures: input.dataTests?.fixtures ?? [], models, modelFiles, sources, seeds,
  }, diagnostics);
  foldRelations([...sources, ...seeds, ...models, ...snapshots], engine.quoting, diagnostics);
  if (diagnostics.length > 0) throw new SparkifyError(diagnostics);

  const graph = buildGraph([...sources.map(sourceGraphNode), ...seeds.map(seedGraphNode), ...models.map(modelGraphNode), ...snapshots.map(snapshotGraphNode), ...tests.map(testGraphNode), ...unitTests.nodes.map(unitTestGraphNode)]);
  const resolve = resolveRelations({
    models: [...models, ...(inline ? [inline] : [])], unitTestRenders: unitTests.renders, sources, quoting: engine.quoting, seeds, snapshots, tests,
    empty: input.empty, deferred: input.deferred,
  });
  const manifest = assembleManifest(project, targetInfo, [...sources, ...seeds, ...models, ...snapshots, ...tests, ...unitTests.resolved()]);
  if (runHooks) manifest.hooks = resolveRunHooks(runHooks, resolve);
  if (docs.size > 0) manifest.docs = Object.fromEntries([...docs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { manifest, graph, inlineSql: inline?.compiledSql, warnings };
}

function uniqueModelFiles(files: TemplateFile[], diagnostics: Diagnostic[]): Map<string, TemplateFile> {
  const byName = new Map<string, TemplateFile>();
  for (const file of files) {
    const name = posix.basename(file.path, '.sql');
    const existing = byName.get(name);
    if (existing) {
      diagnostics.push({
        code: CompileErrors.duplicateModel,
        message: `two models are named '${name}': ${existing.path} and ${file.path}`,
        location: { file: file.path, line: 1 },
        hint: 'model names are file names and must be unique across models/: rename one of the files',
      });
      continue;
    }
    byName.set(name, file);
  }
  return byName;
}

function renderModel(
  env: nunjucks.Environment,
  scopes: RenderGlobals,
  name: string,
  file: TemplateFile,
  project: LoadedProject,
  target: { name: string; type: string; schema: string },
  diagnostics: Diagnostic[],
  schemaConfig?: Record<string, unknown>,
): ModelNode | undefined {
  const id = modelId(name);
  const scope = new RenderScope(name);
  scope.node = { resourceType: 'model', path: file.path };
  scope.package = file.package?.name;
  scopes.enter(scope);
  let rendered: string;
  try {
    rendered = compileTemplate(env, file.source, file.path).render(fileContext(env, file));
  } catch (error) {
    diagnostics.push(templateErrorToDiagnostic(error, file.path, id, scope.raised, file.source));
    return undefined;
  }
  const configLine = lineOf(file.source, 'config(');
  const fqn = nodeFqn(project, file, name);
  const pkg = file.package && project.packages.find((p) => p.name === file.package!.name);
  const folderDefaults = pkg ? packageModelDefaults(project.config, pkg.config, fqn) : modelDefaultsFor(project.config, fqn);
  const defaults = withSchemaConfig(folderDefaults, schemaConfig);
  const config = resolveModelConfig(scope.config, defaults, target.schema, (d) =>
    diagnostics.push({ ...d, node: id, location: { file: file.path, line: configLine } }),
  project.config.flavor === 'dbt' || pkg !== undefined);
  const extras = renderModelExtras({
    env, scopes, scope, name, file, target, config, diagnostics,
    report: (d, near) => diagnostics.push({ ...d, node: id, location: { file: file.path, line: near ? lineOf(file.source, near) : configLine } }),
  });
  return {
    id,
    kind: 'model',
    name,
    path: file.path,
    fqn,
    relation: { schema: config.schema, identifier: config.alias ?? name },
    ...(file.package ? { packageName: file.package.name } : {}),
    config,
    description: typeof config.extra.description === 'string' ? config.extra.description : undefined,
    refs: scope.refs,
    sources: scope.sources,
    ...(scope.followsLoads.length > 0 ? { followsLoads: scope.followsLoads.map((key) => `source.${key}`) } : {}),
    dependsOn: [...scope.sources.map(([s, t]) => sourceId(s, t)), ...scope.refs.map(modelId)],
    checksum: createHash('sha256').update(file.source).digest('hex'),
    compiledSql: rendered,
    ...extras,
    ...(scope.introspects ? { introspects: true } : {}),
  };
}

/** dbt's fqn of a node file: its package (or the project), the folders below its resource folder, its name. */
function nodeFqn(project: LoadedProject, file: TemplateFile, name: string): string[] {
  const path = file.package ? pathInPackage(file.path, file.package.dir) : file.path;
  return [file.package?.name ?? project.config.name, ...posix.dirname(path).split('/').slice(1), name];
}

/**
 * SPK125 for refs to disabled models. A ref to a model that failed to compile is left to that
 * model's own error: calling it disabled sent people looking for a config(enabled=false).
 */
function checkRefsEnabled(models: ModelNode[], files: Map<string, TemplateFile>, failed: ReadonlySet<string>, diagnostics: Diagnostic[]): void {
  const enabled = new Set(models.map((m) => m.name));
  for (const model of models) {
    for (const ref of model.refs) {
      if (enabled.has(ref) || failed.has(ref) || !files.has(ref)) continue;
      diagnostics.push({
        code: TemplateErrors.refToDisabled,
        message: `model '${model.name}' refs '${ref}', which is disabled`,
        location: { file: model.path, line: lineOf(files.get(model.name)!.source, ref) },
        node: model.id,
        hint: `enable ${ref} or remove the ref`,
      });
    }
  }
}

function modelGraphNode(model: ModelNode): GraphNode {
  return {
    id: model.id, kind: 'model', name: model.name, path: model.path, tags: model.config.tags,
    materialized: model.config.materialized, dependsOn: model.dependsOn,
  };
}

function assembleManifest(
  project: LoadedProject,
  target: Manifest['target'],
  nodes: ManifestNode[],
): Manifest {
  const sorted = [...nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const parentMap: Record<string, string[]> = {};
  const childMap: Record<string, string[]> = {};
  for (const node of sorted) {
    parentMap[node.id] = node.kind === 'source' ? [] : [...node.dependsOn].sort();
    childMap[node.id] = [];
  }
  for (const [child, parents] of Object.entries(parentMap)) for (const parent of parents) childMap[parent].push(child);
  for (const children of Object.values(childMap)) children.sort();
  return {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    projectName: project.config.name,
    target,
    nodes: Object.fromEntries(sorted.map((n) => [n.id, n])),
    parentMap,
    childMap,
  };
}

/** 1-based line of the first occurrence of `needle`, or 1. */
function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  return index < 0 ? 1 : source.slice(0, index).split('\n').length;
}
