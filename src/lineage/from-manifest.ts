/**
 * The adapter from sparkify's internal Manifest to computeLineage's neutral input: models and
 * snapshots with their compiled SQL, sources and seeds with their declared columns, ephemeral
 * models with the CTE name they are inlined under.
 */
import type { Manifest, ModelNode } from '../manifest/manifest.js';
import { ephemeralCteName } from '../compile/resolve-relations.js';
import { SOURCE, SnapshotSql } from '../engines/postgres-family/snapshot-sql.js';
import { POSTGRES_QUOTING } from '../engines/postgres-family/family-capabilities.js';
import type { SnapshotNode } from '../manifest/snapshot-node.js';
import type { LineageInput, LineageInputNode } from './types.js';

/** Columns the warehouse reports, by `schema.identifier`: they replace the declared ones of sources and seeds. */
export type WarehouseColumns = Record<string, string[]>;

/** The lineage input of a compiled project. Tests and unit tests are not part of it. */
export function lineageInputFromManifest(manifest: Manifest, warehouse: WarehouseColumns = {}): LineageInput {
  const nodes: LineageInputNode[] = [];
  for (const node of Object.values(manifest.nodes)) {
    const relation = 'relation' in node ? node.relation : undefined;
    const known = relation ? warehouse[`${relation.schema}.${relation.identifier}`] : undefined;
    if (node.kind === 'model') nodes.push(modelInput(node));
    else if (node.kind === 'snapshot') nodes.push({ id: node.id, relation: node.relation, sql: snapshotSql(node), dependsOn: node.dependsOn });
    else if (node.kind === 'source' || node.kind === 'seed') nodes.push({ id: node.id, relation: node.relation, columns: known ?? node.columns.map((c) => c.name) });
  }
  const searchPath = [...new Set([manifest.target.schema, 'public'])];
  return { nodes, searchPath };
}

/** A model reads its full-build SQL; an ephemeral one is never built, only inlined. */
function modelInput(node: ModelNode): LineageInputNode {
  const ephemeral = node.config.materialized === 'ephemeral';
  return {
    id: node.id,
    relation: ephemeral ? undefined : node.relation,
    sql: node.compiledSql,
    inlinedAs: ephemeral ? ephemeralCteName(node.name) : undefined,
    dependsOn: node.dependsOn,
  };
}

/**
 * A snapshot's table holds its query's columns and then the meta columns, computed by the same
 * expressions its plan inserts them with (scd_id from the unique key, valid_from from updated_at or
 * the run's time), so their lineage comes out of the SQL like any other column's.
 */
function snapshotSql(node: SnapshotNode): string {
  const sql = new SnapshotSql(node, { quoting: POSTGRES_QUOTING, now: 'current_timestamp', differs: (a, b) => `${a} IS DISTINCT FROM ${b}` }, SOURCE);
  return `select ${SOURCE}.*, ${sql.metaSelect().join(', ')}\nfrom (\n${sql.query}\n) as ${SOURCE}`;
}
