/** Which nodes a command runs: --select/--exclude (with state: selectors), --resource-type, -m. */
import { DbtIdMap } from '../artifacts/dbt-ids.js';
import { compareWithState } from '../artifacts/state-comparison.js';
import { fail } from '../diagnostics.js';
import { RESOURCE_TYPES, selectNodes, topologicalOrder, type StateComparison } from '../graph/index.js';
import { manifestDocument } from './artifact-documents.js';
import { CliErrors } from './error-codes.js';
import type { ProjectContext, SelectionOptions } from './project-context.js';
import { readStateArtifact } from './state-dir.js';

/** Selection flags plus --state (the earlier run compared with). */
export interface RunSelection extends SelectionOptions {
  state?: string;
  /** --exclude-resource-type. */
  excludeResourceType?: string[];
}

/** dbt's resource types sparkify has, by dbt's name. */
const DBT_TYPES = new Set<string>(RESOURCE_TYPES);

/** The selected ids in build order, narrowed to --resource-type (`default`/`all`: every kind). */
export function selectRunIds(context: ProjectContext, options: RunSelection): string[] {
  const { graph } = context.compiled;
  const state = options.state ? stateComparison(context, options.state) : undefined;
  const selecting = Boolean(options.select?.length || options.exclude?.length);
  const ids = selecting
    ? selectNodes(graph, options.select, options.exclude, options.indirectSelection ?? 'eager', { state })
    : topologicalOrder(graph);
  const include = resourceTypes(options.resourceType);
  const exclude = resourceTypes(options.excludeResourceType) ?? new Set<string>();
  return ids.filter((id) => {
    const kind = graph.nodes.get(id)!.kind;
    return (include === undefined || include.has(kind)) && !exclude.has(kind);
  });
}

/** The kinds named by --resource-type; undefined for every kind. */
function resourceTypes(names: string[] | undefined): Set<string> | undefined {
  const given = (names ?? []).flatMap((name) => name.split(/[\s,]+/)).filter(Boolean);
  if (given.length === 0 || given.some((name) => name === 'all' || name === 'default')) return undefined;
  for (const name of given) {
    if (!DBT_TYPES.has(name)) {
      fail(CliErrors.badUsage, `--resource-type '${name}' is not a kind of node sparkify has`, undefined, `use ${[...DBT_TYPES].join(', ')}, default or all`);
    }
  }
  return new Set(given);
}

/** How the current project differs from the manifest.json in --state DIR. */
function stateComparison(context: ProjectContext, dir: string): StateComparison {
  const previous = readStateArtifact(dir, 'manifest.json');
  return compareWithState(manifestDocument(context), previous, new DbtIdMap(context.compiled.manifest));
}
