import type { DbtManifest, DbtNode } from '../artifacts/dbt-manifest.js';
import type { SiteTest } from './site-data.js';

/** Where each test belongs: on a column of a node, or on the node itself. */
export interface TestIndex {
  /** node id → lower-cased column name → test ids. */
  byColumn: Map<string, Map<string, string[]>>;
  /** node id → test ids not on a column (singular tests, unit tests, model-level generic tests). */
  byNode: Map<string, string[]>;
}

/** Indexes the data tests and unit tests of the manifest by what they test. */
export function indexTests(manifest: DbtManifest): TestIndex {
  const index: TestIndex = { byColumn: new Map(), byNode: new Map() };
  const addToNode = (node: string, test: string) => index.byNode.set(node, [...(index.byNode.get(node) ?? []), test]);
  for (const node of Object.values(manifest.nodes)) {
    if (node.resource_type !== 'test') continue;
    const attached = node.attached_node ?? undefined;
    const column = node.column_name ?? undefined;
    if (attached && column) {
      const columns = index.byColumn.get(attached) ?? new Map<string, string[]>();
      columns.set(column.toLowerCase(), [...(columns.get(column.toLowerCase()) ?? []), node.unique_id]);
      index.byColumn.set(attached, columns);
    } else {
      // A singular test belongs to every node it reads.
      for (const parent of attached ? [attached] : node.depends_on?.nodes ?? []) addToNode(parent, node.unique_id);
    }
  }
  for (const unit of Object.values(manifest.unit_tests ?? {})) {
    const model = unit.depends_on?.nodes?.[0] ?? Object.values(manifest.nodes).find((n) => n.name === unit.model)?.unique_id;
    if (model) addToNode(model, unit.unique_id);
  }
  return index;
}

/** What a test node tests, for its page and its chips. */
export function siteTest(node: DbtNode): SiteTest {
  const severity = node.config?.severity;
  if (!node.test_metadata) return { kind: 'singular', attachedNode: node.attached_node ?? undefined, severity: typeof severity === 'string' ? severity : undefined };
  const { model: _model, column_name: _column, ...kwargs } = node.test_metadata.kwargs ?? {};
  return {
    kind: 'generic',
    testName: node.test_metadata.name,
    attachedNode: node.attached_node ?? undefined,
    column: node.column_name ?? undefined,
    kwargs,
    severity: typeof severity === 'string' ? severity : undefined,
  };
}
