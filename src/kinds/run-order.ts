/** Which selected nodes `build`, `test`, `seed` and `snapshot` run, and in what order. */
import { SeedErrors } from '../seeds/error-codes.js';
import { TestErrors } from '../data-tests/error-codes.js';
import { fail } from '../diagnostics.js';
import { testsAfterParents } from '../graph/index.js';
import type { Graph } from '../graph/types.js';
import { SnapshotErrors } from '../snapshots/error-codes.js';
import { unitTestsBeforeModels } from '../unit-tests/unit-test-order.js';
import { NODE_KINDS } from './registry.js';
import { RunErrors } from '../run/error-codes.js';

/** The commands that run nodes. */
export type RunCommand = 'build' | 'run' | 'test' | 'seed' | 'snapshot';

/**
 * The nodes a command runs, in order, from the selected ids (in DAG order; `selected` is whether the
 * user selected or excluded anything). `build` runs every selected node, each model's unit tests
 * right before it and its tests right after it; `test` runs only the selected tests, unit tests
 * first (SPK610 when there is none: a test run that checks nothing must not look green); `seed` and
 * `snapshot` only their kind.
 */
export function runOrder(graph: Graph, ids: string[], command: RunCommand, selected: boolean, runs: (id: string) => boolean = () => true): string[] {
  const running = ids.filter(runs);
  if (command === 'build') return unitTestsBeforeModels(graph, testsAfterParents(graph, running));
  // dbt run: the selected models only (their tests, seeds and sources are other commands').
  if (command === 'run') return running.filter((id) => graph.nodes.get(id)!.kind === 'model');
  if (command === 'seed' || command === 'snapshot') return running.filter((id) => graph.nodes.get(id)!.kind === command);
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

/**
 * What `run`, `seed` and `snapshot` say when the selection holds nothing of their kind: dbt's
 * "Nothing to do" (a warning; the command succeeds with 0 results, so CI scripts go on).
 */
export function nothingToDo(command: RunCommand, selected: boolean): { code: string; message: string; hint: string } {
  const noun = command === 'seed' ? 'seed' : command === 'snapshot' ? 'snapshot' : 'model';
  const code = command === 'seed' ? SeedErrors.noneSelected : command === 'snapshot' ? SnapshotErrors.noneSelected : RunErrors.nothingToDo;
  const hints = {
    seed: selected ? 'seeds are selected by name or resource_type:seed' : 'add CSV files with a header row under seeds/',
    snapshot: selected ? 'snapshots are selected by name, tag:, path: or resource_type:snapshot' : 'add a snapshot under snapshots/: a SELECT with {{ config(strategy=..., unique_key=...) }}',
    model: 'models are selected by name, tag:, path: or resource_type:model (ephemeral models are never run on their own)',
  } as const;
  return {
    code,
    message: `Nothing to do: ${selected ? 'the selection holds' : 'the project has'} no ${noun} to ${command === 'seed' ? 'load' : 'run'}`,
    hint: hints[noun],
  };
}
