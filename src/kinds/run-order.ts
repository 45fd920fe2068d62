/** Which selected nodes `build`, `test`, `seed` and `snapshot` run, and in what order. */
import { SeedErrors } from '../seeds/error-codes.js';
import { TestErrors } from '../data-tests/error-codes.js';
import { fail } from '../diagnostics.js';
import { testsAfterParents } from '../graph/index.js';
import type { Graph } from '../graph/types.js';
import { SnapshotErrors } from '../snapshots/error-codes.js';
import { unitTestsBeforeModels } from '../unit-tests/unit-test-order.js';
import { NODE_KINDS } from './registry.js';

/** The commands that run nodes. */
export type RunCommand = 'build' | 'test' | 'seed' | 'snapshot';

/**
 * The nodes a command runs, in order, from the selected ids (in DAG order; `selected` is whether the
 * user selected or excluded anything). `build` runs every selected node, each model's unit tests
 * right before it and its tests right after it; `test` runs only the selected tests, unit tests
 * first (SPK610 when there is none: a test run that checks nothing must not look green); `seed` and
 * `snapshot` only their kind.
 */
export function runOrder(graph: Graph, ids: string[], command: RunCommand, selected: boolean): string[] {
  if (command === 'build') return unitTestsBeforeModels(graph, testsAfterParents(graph, ids));
  if (command === 'seed' || command === 'snapshot') return onlyKind(command, graph, ids, selected);
  const tests = ids.filter((id) => ['test', 'unit_test'].includes(graph.nodes.get(id)!.kind));
  if (tests.length > 0) return unitTestsBeforeModels(graph, tests);
  return fail(
    TestErrors.noTestSelected,
    selected ? 'the selection holds no data test' : 'the project has no data tests',
    undefined,
    selected
      ? 'selecting a model selects its tests; tests are also selected by name, test_type: or test_name:'
      : 'declare tests in a schema file beside the models (models/schema.yml), or add SQL files under tests/',
  );
}

/** `2 sources, 5 models and 19 tests` (kinds that are absent are left out), in the registry's order. */
export function describeCounts(graph: Graph, ids: string[]): string {
  const parts = NODE_KINDS.flatMap(({ kind, noun }) => {
    const n = ids.filter((id) => graph.nodes.get(id)?.kind === kind).length;
    return n === 0 ? [] : [`${n} ${noun[n === 1 ? 0 : 1]}`];
  });
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What `seed` and `snapshot` say when the selection holds none of their kind (like SPK610 for tests). */
const ONLY_KIND = {
  seed: {
    code: SeedErrors.noneSelected, noun: 'seed', plural: 'seeds',
    selectHint: 'seeds are selected by name or resource_type:seed',
    addHint: 'add CSV files with a header row under seeds/',
  },
  snapshot: {
    code: SnapshotErrors.noneSelected, noun: 'snapshot', plural: 'snapshots',
    selectHint: 'snapshots are selected by name, tag:, path: or resource_type:snapshot',
    addHint: 'add a snapshot under snapshots/: a SELECT with {{ config(strategy=..., unique_key=...) }}',
  },
} as const;

/** `seed` and `snapshot` run only the selected nodes of their kind, in DAG order. */
function onlyKind(kind: keyof typeof ONLY_KIND, graph: Graph, ids: string[], selected: boolean): string[] {
  const found = ids.filter((id) => graph.nodes.get(id)!.kind === kind);
  if (found.length > 0) return found;
  const words = ONLY_KIND[kind];
  return fail(
    words.code,
    selected ? `the selection holds no ${words.noun}` : `the project has no ${words.plural}`,
    undefined,
    selected ? words.selectHint : words.addHint,
  );
}
