/** What compiling data tests needs from the rest of compile, and small helpers every test kind shares. */
import { pathInPackage } from '../project/packages/installed-packages.js';
import type { PackageRef } from '../project/project-files.js';
import { posix } from 'node:path';
import type nunjucks from 'nunjucks';
import { closestName, type Diagnostic } from '../diagnostics.js';
import type { ModelNode, SourceNode } from '../manifest/manifest.js';
import type { SeedNode } from '../manifest/seed-node.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import { relationMarker, type RenderScope } from '../jinja/render-scope.js';

/** What data tests are declared on: a model, snapshot, seed or source table (relations with documented columns). */
export type TestedNode = ModelNode | SnapshotNode | SeedNode | SourceNode;

/** What a test may `ref()`: models, snapshots and seeds, by name. */
export type RefNode = ModelNode | SnapshotNode | SeedNode;
import type { TestConfig } from '../manifest/test-node.js';
import type { TestConfigSpec } from '../project/schema-types.js';
import type { SqlQuoting } from '../sql/quote.js';
import { TestErrors } from './error-codes.js';
import type { TestMacro } from './test-macros.js';
import { DEFAULT_THRESHOLD } from './thresholds.js';

/** The compile state tests are rendered against: the template environment and the compiled models. */
export interface TestCompileContext {
  env: nunjucks.Environment;
  scopes: { enter(scope: RenderScope): void };
  projectName: string;
  target: { name: string; type: string; schema: string };
  /** How the target's engine quotes identifiers and literals. */
  quoting: SqlQuoting;
  /** Enabled models, snapshots and seeds by name. */
  models: ReadonlyMap<string, RefNode>;
  /** Models that failed to compile; their own error is reported already. */
  failedModels: ReadonlySet<string>;
  /** Sources by `source.table`. */
  sources: ReadonlyMap<string, SourceNode>;
  /** `test_<name>` macros by test name. */
  macros: ReadonlyMap<string, TestMacro>;
  /** dbt_project.yml's `data_tests:` configs at a folder path (project, folders); a test's own config wins. */
  folderConfig?: (path: string[]) => TestConfigSpec;
  report(diagnostic: Diagnostic): void;
}

/** `test.<name>`, the id of a test node. */
export function testId(name: string): string {
  return `test.${name}`;
}

/** dbt's defaults: severity error, both thresholds `!= 0`. */
export function testConfig(spec: TestConfigSpec): TestConfig {
  const config: TestConfig = {
    severity: spec.severity ?? 'error',
    warnIf: spec.warnIf ?? DEFAULT_THRESHOLD,
    errorIf: spec.errorIf ?? DEFAULT_THRESHOLD,
  };
  if (spec.where !== undefined) config.where = spec.where;
  if (spec.storeFailures !== undefined) config.storeFailures = spec.storeFailures;
  return config;
}

/**
 * How a test's SQL names a relation: a marker that compile resolves with the models' own (so a test
 * of an ephemeral model reads its CTE, and --defer and --empty apply alike).
 */
function relationSql(node: TestedNode): string {
  return node.kind === 'source' ? relationMarker('source', `${node.sourceName}.${node.name}`) : relationMarker('ref', node.name);
}

/** The tested relation, narrowed to the rows `where` keeps (dbt wraps it the same way). */
export function testedRelation(model: TestedNode, where: string | undefined): string {
  const relation = relationSql(model);
  return where === undefined ? relation : `(select * from ${relation} where ${where}) as sparkify_subquery`;
}

/** How messages name what a test is declared on: `model 'users'`, `source 'shop.orders'`. */
export function testedName(node: TestedNode): string {
  return node.kind === 'source' ? `source '${node.sourceName}.${node.name}'` : `${node.kind} '${node.name}'`;
}

/** dbt's fqn: project, the folders below the model path, the name. */
export function testFqn(projectName: string, file: string, name: string, pkg?: PackageRef): string[] {
  const path = pkg ? pathInPackage(file, pkg.dir) : file;
  return [pkg?.name ?? projectName, ...posix.dirname(path).split('/').slice(1), name];
}

/** A relation a test argument points at: `ref('users')` or `source('sparkify', 'staging_events')`. */
export interface ResolvedRelation {
  id: string;
  sql: string;
  ref?: string;
  source?: [string, string];
}

const REF = /^\s*ref\(\s*(['"])([^'"]+)\1\s*\)\s*$/;
const SOURCE = /^\s*source\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]+)\3\s*\)\s*$/;

/** True when `text` is written as a ref() or source() call. */
export function looksLikeRelation(text: string): boolean {
  return REF.test(text) || SOURCE.test(text);
}

/** A relation argument that names nothing: what to report, or `reported` when that model's own error says it. */
export type RelationProblem = { problem: string; hint?: string; reported?: boolean };

/** Resolves `ref('x')` / `source('s', 't')`; a problem (message and hint) when it names nothing. */
export function resolveRelation(text: string, ctx: TestCompileContext): ResolvedRelation | RelationProblem {
  const ref = REF.exec(text);
  if (ref) {
    const model = ctx.models.get(ref[2]);
    if (model) return { id: model.id, sql: relationSql(model), ref: model.name };
    if (ctx.failedModels.has(ref[2])) return { problem: `ref('${ref[2]}') names a model that did not compile`, reported: true };
    const close = closestName(ref[2], ctx.models.keys());
    return { problem: `ref('${ref[2]}') names no enabled model`, hint: close ? `did you mean ref('${close}')?` : undefined };
  }
  const source = SOURCE.exec(text);
  if (source) {
    const node = ctx.sources.get(`${source[2]}.${source[4]}`);
    if (node) return { id: node.id, sql: relationSql(node), source: [source[2], source[4]] };
    return { problem: `source('${source[2]}', '${source[4]}') is not declared in sources.yml` };
  }
  return { problem: `expected ref('model') or source('source', 'table'), got '${text}'` };
}

/**
 * The first of `refs` that names no enabled model, when one does: `report` is the one to report as
 * disabled, undefined when every such ref names a model that failed to compile (reported already).
 */
export function missingRef(refs: string[], ctx: TestCompileContext): { report?: string } | undefined {
  const missing = refs.filter((ref) => !ctx.models.has(ref));
  if (missing.length === 0) return undefined;
  return { report: missing.find((ref) => !ctx.failedModels.has(ref)) };
}

/** Reports an argument problem of a test. */
export function argumentProblem(ctx: TestCompileContext, at: Diagnostic['location'], message: string, hint?: string): undefined {
  ctx.report({ code: TestErrors.invalidArgument, message, location: at, hint });
  return undefined;
}
