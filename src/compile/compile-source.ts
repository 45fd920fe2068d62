/** Source tables into manifest nodes: loaded ones (sources.yml) and dbt's sources over existing tables. */
import { LoadErrors } from '../load/error-codes.js';
import type { Diagnostic } from '../diagnostics.js';
import type { GraphNode } from '../graph/types.js';
import { parseColumnType } from '../load/column-types.js';
import { sourceId, type SourceNode } from '../manifest/manifest.js';
import type { SourceTable } from '../project/types.js';
import { columnInfos } from '../data-tests/compile-data-tests.js';
import { assignDefined } from '../config/assign-defined.js';
import { CompileErrors } from './error-codes.js';
import { LOAD_ID_COLUMN, RESERVED_COLUMN_PREFIX } from '../plan/loads/load-ledger.js';

/** The node of one table; `targetSchema` when sources.yml gives no schema. */
export function compileSource(table: SourceTable, targetSchema: string): SourceNode {
  const node: SourceNode = {
    id: sourceId(table.sourceName, table.name),
    kind: 'source',
    sourceName: table.sourceName,
    name: table.name,
    path: table.position.file,
    line: table.position.line,
    relation: { schema: table.schema ?? targetSchema, identifier: table.identifier },
    location: table.location,
    jsonpaths: table.jsonpaths,
    maxerrors: table.maxerrors,
    timeformat: table.timeformat,
    truncatecolumns: table.truncatecolumns,
    columns: table.columns,
    tags: table.tags,
    description: table.description,
    position: table.position,
  };
  return assignDefined(node, {
    existing: table.existing, freshness: table.freshness, loadedAtField: table.loadedAtField, loader: table.loader,
    meta: table.meta, database: table.database, region: table.region, acceptInvalidChars: table.acceptInvalidChars,
    originColumns: table.originColumns,
    columnDocs: table.columnDocs && table.columnDocs.length > 0 ? columnInfos(table.columnDocs) : undefined,
  });
}

/** Column types of loaded tables reach CREATE TABLE verbatim, so compile refuses any the loader cannot encode. */
export function checkColumnTypes(tables: SourceTable[], diagnostics: Diagnostic[]): void {
  for (const table of tables) {
    // A source over an existing table creates nothing: its data_type is documentation.
    if (table.existing) continue;
    for (const column of table.columns) {
      if (parseColumnType(column.type)) continue;
      diagnostics.push({
        code: LoadErrors.columnType,
        message: `column "${column.name}" of ${table.sourceName}.${table.name} has an unknown type '${column.type}'`,
        location: { file: column.position.file, line: column.position.line, column: column.position.column },
        node: sourceId(table.sourceName, table.name),
        hint: 'use smallint, integer, bigint, real, double precision, numeric(p,s), varchar(n), text, boolean, timestamp, timestamptz or date',
      });
    }
  }
}

/** A source as a node of the DAG. */
export function sourceGraphNode(source: SourceNode): GraphNode {
  return {
    id: source.id, kind: 'source', name: source.name, sourceName: source.sourceName,
    path: source.path, line: source.line, tags: source.tags, dependsOn: [],
  };
}

/** SPK144: the staging table's own columns (the load id) start with a prefix no source column may use. */
export function checkReservedColumns(tables: SourceTable[], diagnostics: Diagnostic[]): void {
  for (const table of tables) {
    // A source over an existing table gets no column of sparkify's.
    if (table.existing) continue;
    for (const column of table.columns.filter((c) => c.name.toLowerCase().startsWith(RESERVED_COLUMN_PREFIX))) {
      diagnostics.push({
        code: CompileErrors.reservedColumn,
        message: `column "${column.name}" of ${table.sourceName}.${table.name} starts with '${RESERVED_COLUMN_PREFIX}', which names sparkify's own columns of a staging table (${LOAD_ID_COLUMN}: the load that brought the row)`,
        location: { file: column.position.file, line: column.position.line, column: column.position.column },
        node: sourceId(table.sourceName, table.name),
        hint: 'rename the column, and map its JSON key to the new name in the JSONPaths file',
      });
    }
  }
}
