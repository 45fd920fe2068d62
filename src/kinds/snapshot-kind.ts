/** Snapshots: type-2 history tables kept from a SELECT (dbt's snapshots). */
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import type { RelationPlan } from '../plan/types.js';
import { compiledPath, runPath } from '../run/artifacts.js';
import { runPlanStatements } from '../run/run-statements.js';
import { snapshotGraphNode } from '../snapshots/compile-snapshots.js';
import { planSnapshot } from '../snapshots/plan-snapshot.js';
import type { NodeKind } from './node-kind.js';

/** The snapshot entry of the node-kind registry. */
export const snapshotKind: NodeKind<SnapshotNode, RelationPlan> = {
  kind: 'snapshot',
  noun: ['snapshot', 'snapshots'],
  selector: (node) => node.name,
  graphNode: snapshotGraphNode,
  compiledFiles: (snapshot) => [{ path: snapshot.path, sql: snapshot.compiledSql }],
  plan: (snapshot, dialect, options) => planSnapshot(snapshot, dialect, options),
  relationOf: (snapshot) => snapshot.relation,
  // The first run creates the table; later runs close changed rows and insert new versions.
  runs: () => true,
  secondPlanWhenExists: () => 'table',
  // Never swapped (its table is its history): only whether it exists, and its columns.
  previewSql: (snapshot, quoting) => `SELECT * FROM ${quoting.relation(snapshot.relation)}`,
  stateNeeds: (snapshot) => ({ relation: snapshot.relation, columns: true }),
  errorFiles: (plan, snapshot) => ({ runFile: runPath(plan), compiledFile: compiledPath(snapshot.path), compiledSql: snapshot.compiledSql }),
  execute: runPlanStatements,
  usesWarehouse: true,
  reportsAs: 'build',
  verb: () => 'snapshotted',
  label: (plan) => plan.description,
};
