/** The dependency graph and dbt's node-selection grammar: pure functions, no I/O. */
export type { Graph, GraphNode } from './types.js';
export { RESOURCE_TYPES } from './types.js';
export { buildGraph } from './build-graph.js';
export { topologicalOrder } from './topological-order.js';
export { selectNodes } from './select-nodes.js';
export { ancestors, descendants } from './traverse.js';
export { INDIRECT_SELECTION_MODES, type IndirectSelection } from './indirect-selection.js';
export { testGates, testsAfterParents } from './test-gates.js';
export type { NodeChanges, SelectionContext, StateComparison } from './state-method.js';
