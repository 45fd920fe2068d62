import type { Adapter, Session } from '../../engines/adapter.js';
import type { CatalogSql } from '../../engines/catalog-sql.js';
import type { WarehouseRelation } from './warehouse-relation.js';

/** The relation keys the catalog reads beyond the documented ones, shown as they are. */
const EXTRA_KEYS = ['diststyle', 'sortkey1'];

/**
 * Reads columns, types, row counts and sizes of every relation in the schemas through the adapter
 * (read-only queries on one session). Tables whose row estimate is unknown are counted exactly
 * where the engine allows it (PostgreSQL/PGlite before the first ANALYZE).
 */
export async function readCatalog(adapter: Adapter, sql: CatalogSql, schemas: string[]): Promise<WarehouseRelation[]> {
  if (schemas.length === 0) return [];
  return adapter.withSession(async (session) => {
    const relations = (await session.execute(sql.relations(schemas))).rows.map(relationOf);
    const byKey = new Map(relations.map((relation) => [`${relation.schema}.${relation.name}`, relation]));
    for (const row of (await session.execute(sql.columns(schemas))).rows) {
      byKey.get(`${row.table_schema}.${row.table_name}`)?.columns.push({
        index: Number(row.column_index), name: String(row.column_name), type: String(row.column_type), comment: textOrNull(row.column_comment),
      });
    }
    await countUnknownRows(session, sql, relations);
    return relations;
  });
}

function relationOf(row: Record<string, unknown>): WarehouseRelation {
  const estimate = numberOrUndefined(row.row_estimate);
  const extra: Record<string, string> = {};
  for (const key of EXTRA_KEYS) if (row[key] !== undefined && row[key] !== null) extra[key] = String(row[key]).trim();
  return {
    schema: String(row.table_schema), name: String(row.table_name), type: String(row.table_type),
    comment: textOrNull(row.table_comment), owner: textOrNull(row.table_owner), columns: [],
    rows: estimate !== undefined && estimate >= 0 ? { value: Math.round(estimate), exact: false } : undefined,
    bytes: numberOrUndefined(row.total_bytes), extra,
  };
}

async function countUnknownRows(session: Session, sql: CatalogSql, relations: WarehouseRelation[]): Promise<void> {
  if (!sql.countRows) return;
  for (const relation of relations) {
    if (relation.rows || relation.type === 'VIEW' || relation.type === 'FOREIGN TABLE') continue;
    const result = await session.execute(sql.countRows({ schema: relation.schema, identifier: relation.name }));
    relation.rows = { value: Number(result.rows[0]?.n ?? 0), exact: true };
  }
}

function textOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : String(value);
}

// int8 and numeric arrive as strings from some drivers.
function numberOrUndefined(value: unknown): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const number = Number(value);
  return Number.isFinite(number) ? number : undefined;
}
