/** Shapes of the dependency graph: the nodes the compiler hands over and the DAG built from them. */

/** A node of the DAG: a source table or a model (later also seeds, snapshots, tests). */
export interface GraphNode {
  /** 'model.users', 'source.sparkify.staging_events'. */
  id: string;
  kind: 'model' | 'source' | 'seed' | 'test' | 'snapshot' | 'unit_test';
  /** Model name, or source table name. */
  name: string;
  /** For sources: 'sparkify'. */
  sourceName?: string;
  /** Project-relative file: 'models/marts/users.sql' or 'sources.yml'. */
  path: string;
  /** Where it is declared (sources, tests), 1-based. */
  line?: number;
  tags: string[];
  /** Models: 'table' | 'view' | ... */
  materialized?: string;
  /** Tests: declared in a schema file (generic) or a SQL file under tests/ (singular). */
  testType?: 'generic' | 'singular' | 'unit';
  /** Generic tests: the test they run, e.g. 'unique'. */
  testName?: string;
  /** Ids of the direct parents. */
  dependsOn: string[];
}

/** Every node kind, for `resource_type:` (extend together with `GraphNode['kind']`). */
export const RESOURCE_TYPES: readonly GraphNode['kind'][] = ['model', 'source', 'seed', 'test', 'snapshot', 'unit_test'];

/** The validated, acyclic graph; built once by `buildGraph`, then only read. */
export interface Graph {
  /** Nodes by id. */
  readonly nodes: ReadonlyMap<string, GraphNode>;
  /** Direct parents of each id, deduplicated and sorted by id. */
  readonly parents: ReadonlyMap<string, readonly string[]>;
  /** Direct children of each id, sorted by id. */
  readonly children: ReadonlyMap<string, readonly string[]>;
  /** Every id, parents first; see `topological-order.ts` for how ties are broken. */
  readonly order: readonly string[];
  /** Position of each id in `order`, so a subset sorts without scanning the whole graph. */
  readonly rank: ReadonlyMap<string, number>;
}
