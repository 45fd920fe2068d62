/** Which selected nodes `build` and `test` run, and in what order. */
import { TestErrors } from '../data-tests/error-codes.js';
import { fail } from '../diagnostics.js';
import { testsAfterParents } from '../graph/index.js';
import type { ProjectContext, SelectionOptions } from './project-context.js';
import { selectedIds } from './project-context.js';
import { unitTestsBeforeModels } from '../unit-tests/unit-test-order.js';

/** The commands that run nodes. */
export type RunCommand = 'build' | 'test' | 'seed' | 'snapshot';

/**
 * `build` runs every selected node, each model's unit tests right before it and its tests right
 * after it; `test` runs only the selected tests, unit tests first (SPK610 when there is none: a test run that checks nothing must not look green).
 */
export function runOrder(context: ProjectContext, selection: SelectionOptions, command: RunCommand): string[] {
  const { graph } = context.compiled;
  const ids = selectedIds(context, selection);
  if (command === 'build') return unitTestsBeforeModels(graph, testsAfterParents(graph, ids));
  if (command === 'seed') return onlyKind('seed', context, ids, Boolean(selection.select?.length || selection.exclude?.length));
  if (command === 'snapshot') return onlyKind('snapshot', context, ids, Boolean(selection.select?.length || selection.exclude?.length));
  const tests = ids.filter((id) => ['test', 'unit_test'].includes(graph.nodes.get(id)!.kind));
  if (tests.length > 0) return unitTestsBeforeModels(graph, tests);
  const selected = Boolean(selection.select?.length || selection.exclude?.length);
  return fail(
    TestErrors.noTestSelected,
    selected ? 'the selection holds no data test' : 'the project has no data tests',
    undefined,
    selected
      ? 'selecting a model selects its tests; tests are also selected by name, test_type: or test_name:'
      : 'declare tests in a schema file beside the models (models/schema.yml), or add SQL files under tests/',
  );
}

/** `2 sources, 5 models and 19 tests` (kinds that are absent are left out). */
export function describeCounts(ids: string[]): string {
  const count = (prefix: string, noun: string) => {
    const n = ids.filter((id) => id.startsWith(prefix)).length;
    return n === 0 ? [] : [`${n} ${noun}${n === 1 ? '' : 's'}`];
  };
  const parts = [...count('source.', 'source'), ...count('seed.', 'seed'), ...count('model.', 'model'), ...count('snapshot.', 'snapshot'), ...count('test.', 'test'), ...count('unit_test.', 'unit test')];
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** What `seed` and `snapshot` say when the selection holds none of their kind (like SPK610 for tests). */
const ONLY_KIND = {
  seed: {
    code: 'SPK355', noun: 'seed', plural: 'seeds',
    selectHint: 'seeds are selected by name or resource_type:seed',
    addHint: 'add CSV files with a header row under seeds/',
  },
  snapshot: {
    code: 'SPK713', noun: 'snapshot', plural: 'snapshots',
    selectHint: 'snapshots are selected by name, tag:, path: or resource_type:snapshot',
    addHint: 'add a snapshot under snapshots/: a SELECT with {{ config(strategy=..., unique_key=...) }}',
  },
} as const;

/** `seed` and `snapshot` run only the selected nodes of their kind, in DAG order. */
function onlyKind(kind: keyof typeof ONLY_KIND, context: ProjectContext, ids: string[], selected: boolean): string[] {
  const found = ids.filter((id) => context.compiled.graph.nodes.get(id)!.kind === kind);
  if (found.length > 0) return found;
  const words = ONLY_KIND[kind];
  return fail(
    words.code,
    selected ? `the selection holds no ${words.noun}` : `the project has no ${words.plural}`,
    undefined,
    selected ? words.selectHint : words.addHint,
  );
}
