import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { GraphErrors } from './error-codes.js';
import { applyGraphOperators } from './graph-operators.js';
import { withExcludedTests, withIndirectTests, type IndirectSelection } from './indirect-selection.js';
import { noMatch } from './no-match.js';
import { parseSelection, type SelectionFlag, type SelectorCriteria } from './selector.js';
import { matchNodes } from './selector-methods.js';
import { difference, intersection, union } from './set-algebra.js';
import { topologicalOrder } from './topological-order.js';
import type { Graph } from './types.js';
import type { SelectionContext } from './state-method.js';

/**
 * Applies --select / --exclude (each a list of CLI arguments, every argument may hold several
 * space-separated selectors). Returns the selected ids in topological order. With no --select,
 * everything is selected. Throws SparkifyError exit 2 when the result is empty or a selector is
 * malformed/matches no node. `indirect` adds the tests of what is selected (see indirect-selection.ts).
 */
export function selectNodes(
  graph: Graph,
  select: string[] | undefined,
  exclude: string[] | undefined,
  indirect: IndirectSelection = 'empty',
  context: SelectionContext = {},
): string[] {
  const diagnostics: Diagnostic[] = [];
  const selectArgs = select?.length ? select : undefined;
  const selected = selectArgs ? evaluate({ graph, flag: '--select', diagnostics, context }, selectArgs) : { widened: new Set(graph.order), exact: new Set<string>() };
  const excluded = evaluate({ graph, flag: '--exclude', diagnostics, context }, exclude ?? []);
  if (diagnostics.length > 0) throw new SparkifyError(diagnostics, 2);
  const result = difference(
    union([withIndirectTests(graph, selected.widened, indirect), selected.exact]),
    union([withExcludedTests(graph, excluded.widened, indirect), excluded.exact]),
  );
  // dbt only warns when nothing is selected. We stop: a build that silently does nothing after a
  // typo or an over-broad --exclude looks like a success in CI.
  // With state: selectors, nothing changed is a fine answer (slim CI): the command has nothing to do.
  if (result.size === 0 && usesState(selectArgs)) return [];
  if (result.size === 0) throw new SparkifyError(emptySelection(selectArgs, exclude ?? [], selected.widened.size + selected.exact.size), 2);
  return topologicalOrder(graph, result);
}

function usesState(select: string[] | undefined): boolean {
  return (select ?? []).some((arg) => /(^|[\s,@+])state:/.test(arg));
}

/** What evaluating one flag needs; problems are collected so that all are reported at once. */
interface Evaluation {
  graph: Graph;
  flag: SelectionFlag;
  diagnostics: Diagnostic[];
  context: SelectionContext;
}

/**
 * A flag's arguments as the union of its intersections, in two parts: what indirect selection widens
 * with the tests of the selected nodes, and what it must not (`exact`): an intersection that names
 * a resource_type means exactly nodes of that type (`resource_type:model` lists no tests).
 */
function evaluate(context: Evaluation, args: readonly string[]): { widened: Set<string>; exact: Set<string> } {
  const selection = parseSelection(context.flag, args, context.diagnostics);
  const sets = (joined: SelectorCriteria[][]) => union(joined.map((criteria) => intersection(criteria.map((one) => evaluateOne(context, one)))));
  const byType = (criteria: SelectorCriteria[]) => criteria.some((one) => one.method === 'resource_type');
  return { widened: sets(selection.filter((c) => !byType(c))), exact: sets(selection.filter(byType)) };
}

/**
 * One selector's nodes, widened by its graph operators. A selector that matches nothing is
 * reported on its own, as dbt does; an intersection that ends up empty is not an error by itself.
 */
function evaluateOne({ graph, flag, diagnostics, context }: Evaluation, criteria: SelectorCriteria): Set<string> {
  if (criteria.method === 'state' && !context.state) {
    diagnostics.push({ code: GraphErrors.noState, message: `${flag} '${criteria.raw}' compares with a previous run, but no --state was given`, hint: 'pass --state DIR, the target/ folder of the run to compare with (it holds manifest.json)' });
    return new Set();
  }
  const matched = matchNodes(graph, criteria.method, criteria.value, context);
  // dbt: a state selector that matches nothing is not a mistake (nothing changed); others are.
  if (matched.size === 0 && criteria.method !== 'state') diagnostics.push(noMatch(graph, flag, criteria));
  return applyGraphOperators(graph, criteria, matched);
}

/** SPK212, saying which flag emptied the selection. */
function emptySelection(select: string[] | undefined, exclude: string[], selectedCount: number): Diagnostic {
  if (select === undefined && selectedCount === 0) {
    return { code: GraphErrors.emptySelection, message: 'the project has no node to select' };
  }
  const selectText = select ? `--select '${select.join(' ')}'` : 'the whole project';
  if (selectedCount === 0) {
    const hint = 'selectors joined by a comma select only the nodes they have in common';
    return { code: GraphErrors.emptySelection, message: `${selectText} selects no node`, hint };
  }
  return {
    code: GraphErrors.emptySelection,
    message: `--exclude '${exclude.join(' ')}' removes every node that ${selectText} selects`,
    hint: 'narrow --exclude or widen --select',
  };
}
