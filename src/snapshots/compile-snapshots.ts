/** The compile step of snapshots: render each template, check its config, make manifest nodes. Pure. */
import { pathInPackage } from '../project/packages/installed-packages.js';
import { fileContext } from '../jinja/macro-registry.js';
import { createHash } from 'node:crypto';
import { TemplateErrors } from '../jinja/error-codes.js';
import { posix } from 'node:path';
import type nunjucks from 'nunjucks';
import type { Diagnostic } from '../diagnostics.js';
import { modelId, sourceId } from '../manifest/manifest.js';
import type { TemplateFile } from '../project/project-files.js';
import { RenderScope, type RenderGlobals } from '../jinja/render-scope.js';
import { compileTemplate } from '../jinja/template-environment.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import type { GraphNode } from '../graph/types.js';
import { seedId } from '../manifest/seed-node.js';
import { SnapshotErrors } from './error-codes.js';
import { addSnapshotBlock, type BlockNames } from './snapshot-block.js';
import { resolveSnapshotConfig } from './snapshot-config.js';
import { snapshotId, type MetaColumns, type SnapshotNode } from '../manifest/snapshot-node.js';

/** What compiling snapshots needs from the rest of compile. */
export interface SnapshotContext {
  env: nunjucks.Environment;
  scopes: RenderGlobals;
  projectName: string;
  target: { name: string; type: string; schema: string };
  /** Enabled model names (what ref() may name besides seeds and snapshots). */
  models: ReadonlySet<string>;
  /** Every model name, disabled ones included: a snapshot may not take one. */
  modelNames: ReadonlySet<string>;
  seeds: ReadonlySet<string>;
  /** Models whose template failed to render: their own error is reported, a ref to them is not. */
  failedModels?: ReadonlySet<string>;
  /** The meta column names snapshots get unless they say otherwise (dbt's in a dbt project). */
  metaColumns?: MetaColumns;
  /** A dbt project: dbt_project.yml's `snapshots:` configs at a snapshot's fqn, and dbt's schema naming. */
  folderConfigs?: (fqn: string[]) => Record<string, unknown>;
  dbtSchemaNames?: boolean;
}

/** The name of a snapshot: its file name. */
export function snapshotName(file: TemplateFile): string {
  return posix.basename(file.path, '.sql');
}

/** One node per enabled snapshot file; problems go into `diagnostics`. */
export function compileSnapshots(files: readonly TemplateFile[], context: SnapshotContext, diagnostics: Diagnostic[]): SnapshotNode[] {
  const blocks: BlockNames = { names: [] };
  addSnapshotBlock(context.env, blocks);
  const names = new Set(files.map(snapshotName));
  const snapshots: SnapshotNode[] = [];
  const taken = new Set<string>();
  for (const file of files) {
    const name = snapshotName(file);
    if (context.modelNames.has(name) || context.seeds.has(name) || taken.has(name)) {
      diagnostics.push({
        code: SnapshotErrors.nameTaken, message: `snapshot '${name}' has the name of another model, seed or snapshot`,
        location: { file: file.path, line: 1 }, node: snapshotId(name), hint: 'ref() names must be unique across models/, seeds/ and snapshots/: rename one file',
      });
      continue;
    }
    taken.add(name);
    const node = renderSnapshot(file, name, context, blocks, diagnostics);
    if (node && node.config.enabled) snapshots.push(node);
  }
  for (const snapshot of snapshots) checkRefs(snapshot, files, { ...context, snapshots: names }, diagnostics);
  return snapshots;
}

function renderSnapshot(file: TemplateFile, name: string, context: SnapshotContext, blocks: BlockNames, diagnostics: Diagnostic[]): SnapshotNode | undefined {
  const id = snapshotId(name);
  const scope = new RenderScope(name);
  scope.node = { resourceType: 'snapshot', path: file.path };
  scope.package = file.package?.name;
  context.scopes.enter(scope);
  blocks.names = [];
  let rendered: string;
  try {
    rendered = compileTemplate(context.env, file.source, file.path).render(fileContext(context.env, file));
  } catch (error) {
    diagnostics.push(templateErrorToDiagnostic(error, file.path, id, scope.raised, file.source));
    return undefined;
  }
  const wrong = blocks.names.find((block) => block !== name);
  if (wrong !== undefined) {
    diagnostics.push({
      code: SnapshotErrors.blockName, message: `{% snapshot ${wrong} %} in ${file.path}: a snapshot is named after its file, '${name}'`,
      location: { file: file.path, line: lineOf(file.source, '{% snapshot') }, node: id, hint: `write {% snapshot ${name} %}, or rename the file ${wrong}.sql`,
    });
  }
  const configLine = lineOf(file.source, 'config(');
  const folders = posix.dirname(file.package ? pathInPackage(file.path, file.package.dir) : file.path).split('/').slice(1);
  // config() wins over the folder configs; tags add up, as dbt merges them.
  const inherited = context.folderConfigs?.([file.package?.name ?? context.projectName, ...folders, name]) ?? {};
  const given = { ...inherited, ...scope.config, tags: [...list(inherited.tags), ...list(scope.config.tags)] };
  const defaults = { schema: context.target.schema, metaColumns: context.metaColumns, dbtSchemaNames: context.dbtSchemaNames };
  const config = resolveSnapshotConfig(given, defaults, (d) =>
    diagnostics.push({ ...d, node: id, location: { file: file.path, line: configLine } }));
  if (!config || wrong !== undefined) return undefined;
  const node: SnapshotNode = {
    id, kind: 'snapshot', name, path: file.path, configLine,
    fqn: [file.package?.name ?? context.projectName, ...folders, name],
    ...(file.package ? { packageName: file.package.name } : {}),
    relation: { schema: config.schema, identifier: config.alias ?? name },
    config, tags: config.tags,
    refs: scope.refs, sources: scope.sources,
    dependsOn: scope.sources.map(([s, t]) => sourceId(s, t)),
    checksum: createHash('sha256').update(file.source).digest('hex'),
    compiledSql: rendered,
  };
  if (typeof scope.config.description === 'string') node.description = scope.config.description;
  return node;
}

/** Each ref becomes a dependency on the model, seed or snapshot it names; a disabled one is an error. */
function checkRefs(snapshot: SnapshotNode, files: readonly TemplateFile[], context: SnapshotContext & { snapshots: ReadonlySet<string> }, diagnostics: Diagnostic[]): void {
  for (const ref of snapshot.refs) {
    if (context.seeds.has(ref)) snapshot.dependsOn.push(seedId(ref));
    else if (context.snapshots.has(ref)) snapshot.dependsOn.push(snapshotId(ref));
    else if (context.models.has(ref)) snapshot.dependsOn.push(modelId(ref));
    else if (!context.failedModels?.has(ref)) {
      const source = files.find((f) => f.path === snapshot.path)?.source ?? '';
      diagnostics.push({
        code: TemplateErrors.refToDisabled, message: `snapshot '${snapshot.name}' refs '${ref}', which is disabled`,
        location: { file: snapshot.path, line: lineOf(source, ref) }, node: snapshot.id, hint: `enable ${ref} or remove the ref`,
      });
    }
  }
}

/** ref('a_snapshot') from a model renders like a model ref; this points the dependency at `snapshot.<name>`. */
export function pointRefsAtSnapshots(nodes: { dependsOn: string[] }[], snapshots: readonly SnapshotNode[]): void {
  const names = new Set(snapshots.map((s) => s.name));
  for (const node of nodes) {
    node.dependsOn = node.dependsOn.map((id) => (id.startsWith('model.') && names.has(id.slice(6)) ? snapshotId(id.slice(6)) : id));
  }
}

/** The DAG node of a snapshot: selectable by name, tag, path and resource_type:snapshot. */
export function snapshotGraphNode(snapshot: SnapshotNode): GraphNode {
  return {
    id: snapshot.id, kind: 'snapshot', name: snapshot.name, path: snapshot.path, tags: snapshot.tags,
    materialized: 'snapshot', dependsOn: snapshot.dependsOn,
  };
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** 1-based line of the first occurrence of `needle`, or 1. */
function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  return index < 0 ? 1 : source.slice(0, index).split('\n').length;
}
