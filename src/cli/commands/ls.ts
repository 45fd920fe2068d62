import type { ManifestNode, SourceNode } from '../../manifest/manifest.js';
import { describeLedger, readLedgers } from '../debug/ledger-status.js';
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
  /** --ledger: each selected source's load ledger against its location (reads the warehouse). */
  ledger?: boolean;
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
  const ledgers = options.ledger ? await sourceLedgers(context, nodes) : {};
  for (const node of nodes) {
    const name = format === 'path' ? node.path : format === 'selector' ? dbtSelector(context, node) : kindOf(node).selector(node);
    context.output.raw(`${name}${node.id in ledgers ? `  ${ledgers[node.id]}` : ''}\n`);
  }
  return 0;
}

/** The ledger line of each selected source sparkify loads; SPK error when the target keeps none. */
async function sourceLedgers(context: ProjectContext, nodes: ManifestNode[]): Promise<Record<string, string>> {
  const sources = nodes.filter((node): node is SourceNode => node.kind === 'source' && !node.existing);
  const loads = await readLedgers(context.root, context.project, context.compiled.manifest, sources);
  if (!loads) fail(CliErrors.badUsage, `--ledger: target ${context.project.target.name} keeps no load ledgers`, undefined, 'a redshift target keeps them with manifest_prefix (README: Incremental loads)');
  return Object.fromEntries(sources.map((source) => [source.id, describeLedger(loads[source.id])]));
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
