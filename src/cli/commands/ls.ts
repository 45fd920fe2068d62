import type { ManifestNode } from '../../manifest/manifest.js';
import { DbtIdMap } from '../../artifacts/dbt-ids.js';
import { fail } from '../../diagnostics.js';
import { kindOf } from '../../kinds/registry.js';
import { manifestDocument } from '../artifact-documents.js';
import { CliErrors } from '../error-codes.js';
import type { GlobalOptions, ProjectContext } from '../project-context.js';
import { loadProjectContext } from '../project-context.js';
import { selectRunIds, type RunSelection } from '../run-selection.js';
import { unitTestsBeforeModels } from '../../unit-tests/unit-test-order.js';

/** Options of `sparkify ls`. */
export interface LsOptions extends GlobalOptions, RunSelection {
  output?: string;
  /** --output-keys: the keys of each JSON line (dbt's ls). */
  outputKeys?: string[];
}

/** dbt's ls --output json keys (ListTask.ALLOWED_KEYS). */
const DEFAULT_KEYS = ['name', 'resource_type', 'package_name', 'original_file_path', 'unique_id', 'alias', 'config', 'tags', 'depends_on', 'source_name'];

/** `sparkify ls`: the selected nodes in build order, as names, paths, dbt selectors or dbt's JSON. */
export async function lsCommand(options: LsOptions): Promise<number> {
  const format = options.output ?? 'name';
  if (!['name', 'path', 'json', 'selector'].includes(format)) fail(CliErrors.unknownOutput, `unknown --output '${format}'`, undefined, 'use name, path, selector or json');
  const context = loadProjectContext(options);
  // Each unit test right before its model, where build runs it (the DAG puts it after: its parent is the model).
  const ids = unitTestsBeforeModels(context.compiled.graph, selectRunIds(context, options));
  const nodes = ids.map((id) => context.compiled.manifest.nodes[id]);
  if (format === 'json') return printJson(context, nodes, options.outputKeys);
  for (const node of nodes) context.output.raw(`${format === 'path' ? node.path : format === 'selector' ? dbtSelector(context, node) : kindOf(node).selector(node)}\n`);
  return 0;
}

/** One JSON object per node with dbt's keys (or --output-keys), taken from the node's manifest.json entry. */
function printJson(context: ProjectContext, nodes: ManifestNode[], outputKeys: string[] | undefined): number {
  const document = manifestDocument(context) as Record<string, Record<string, Record<string, unknown>>>;
  const ids = new DbtIdMap(context.compiled.manifest);
  const keys = outputKeys?.flatMap((key) => key.split(/[\s,]+/)).filter(Boolean) ?? DEFAULT_KEYS;
  for (const node of nodes) {
    const id = ids.toDbt(node.id);
    const entry = document.nodes[id] ?? document.sources[id] ?? document.unit_tests[id] ?? {};
    const picked = Object.fromEntries(keys.filter((key) => key in entry).map((key) => [key, entry[key]]));
    context.output.raw(JSON.stringify(picked) + '\n');
  }
  return 0;
}

/** dbt's default ls output: `source:<project>.<source>.<table>`, else the fqn joined with dots. */
function dbtSelector(context: ProjectContext, node: ManifestNode): string {
  const project = context.compiled.manifest.projectName;
  if (node.kind === 'source') return `source:${project}.${node.sourceName}.${node.name}`;
  if (node.kind === 'unit_test') return `unit_test:${project}.${node.model}.${node.name}`;
  if (node.kind === 'seed') return [project, ...node.path.replace(/\.csv$/, '').split('/').slice(1)].join('.');
  return node.fqn.join('.');
}
