/**
 * dbt's state comparison (--state DIR): the current manifest.json document against the one a
 * previous run wrote. A node is new when its unique_id is absent there; its body changed when its
 * file's checksum did (tests and sources: their code and definition); its configs when its config
 * did; its relation when its relation name did — as dbt's state:modified subselectors tell.
 */
import type { NodeChanges, StateComparison } from '../graph/index.js';
import type { Relation } from '../sql/quote.js';
import type { DbtIdMap } from './dbt-ids.js';

/** What a manifest.json document holds that the comparison reads. */
interface ManifestDocument {
  nodes?: Record<string, Record<string, unknown>>;
  sources?: Record<string, Record<string, unknown>>;
  unit_tests?: Record<string, Record<string, unknown>>;
}

/**
 * Changes of every node of `current` (a manifest document) against `previous`, by internal id. As
 * dbt's, the comparison is "irrespective of target values": the previous run may have built into
 * production's schema and this one into a CI schema, so schemas are compared relative to each
 * manifest's target schema, and databases not at all.
 */
export function compareWithState(current: ManifestDocument, previous: ManifestDocument, ids: DbtIdMap): StateComparison {
  const changes = new Map<string, NodeChanges>();
  const schemas = { now: targetSchemaOf(current), before: targetSchemaOf(previous) };
  for (const group of ['nodes', 'sources', 'unit_tests'] as const) {
    for (const [dbtId, node] of Object.entries(current[group] ?? {})) {
      const id = ids.fromDbt(dbtId);
      if (id === undefined) continue;
      changes.set(id, compareNode(node, previous[group]?.[dbtId], schemas));
    }
  }
  return changes;
}

function compareNode(node: Record<string, unknown>, before: Record<string, unknown> | undefined, schemas: { now?: string; before?: string }): NodeChanges {
  if (!before) return { new: true, body: false, configs: false, relation: false };
  const relation = (n: Record<string, unknown>, target?: string) => [relativeSchema(n.schema, target), n.alias ?? n.identifier];
  const config = (n: Record<string, unknown>, target?: string) => {
    const given = (n.config ?? {}) as Record<string, unknown>;
    return { ...given, schema: relativeSchema(given.schema, target), database: null };
  };
  return {
    new: false,
    body: stable(bodyOf(node)) !== stable(bodyOf(before)),
    configs: stable(config(node, schemas.now)) !== stable(config(before, schemas.before)),
    relation: stable(relation(node, schemas.now)) !== stable(relation(before, schemas.before)),
  };
}

/** `<target>`, `<target>_staging`, or the schema itself when it does not derive from the target's. */
function relativeSchema(schema: unknown, target: string | undefined): unknown {
  if (typeof schema !== 'string' || !target) return schema;
  if (schema === target) return '<target>';
  return schema.startsWith(`${target}_`) ? `<target>${schema.slice(target.length)}` : schema;
}

/**
 * The target schema a manifest was written for. It is not among the metadata dbt's schema allows,
 * but both dbt and sparkify put data tests in `<target schema>_dbt_test__audit`; without tests, the
 * schema most nodes are in.
 */
function targetSchemaOf(document: ManifestDocument): string | undefined {
  const nodes = Object.values(document.nodes ?? {});
  const test = nodes.find((node) => node.resource_type === 'test' && typeof node.schema === 'string' && node.schema.endsWith(AUDIT));
  if (test) return String(test.schema).slice(0, -AUDIT.length);
  const counts = new Map<string, number>();
  for (const node of nodes) if (typeof node.schema === 'string') counts.set(node.schema, (counts.get(node.schema) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

const AUDIT = '_dbt_test__audit';

/** A file's checksum where it has one; else what defines the node (a generic test's call, a source's columns and freshness). */
function bodyOf(node: Record<string, unknown>): unknown {
  const checksum = (node.checksum as { checksum?: string } | null | undefined)?.checksum;
  if (checksum) return checksum;
  if (node.resource_type === 'source') return [node.columns, node.freshness, node.loaded_at_field, node.meta, node.tags, node.description];
  return [node.raw_code, node.test_metadata, node.given, node.expect];
}

/** JSON with keys sorted, so equal values compare equal whatever their key order. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v));
}

/** The relations of the previous run's models, seeds and snapshots by name: what --defer may read instead. */
export function stateRelations(previous: ManifestDocument): Map<string, Relation> {
  const relations = new Map<string, Relation>();
  for (const node of Object.values(previous.nodes ?? {})) {
    if (!['model', 'seed', 'snapshot'].includes(String(node.resource_type))) continue;
    const config = node.config as { materialized?: string } | undefined;
    if (config?.materialized === 'ephemeral') continue;
    relations.set(String(node.name), { schema: String(node.schema), identifier: String(node.alias ?? node.name) });
  }
  return relations;
}
