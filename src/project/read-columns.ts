/** The `columns` list of a source table. */
import type { ColumnSpec } from '../manifest/column-spec.js';
import { ProjectErrors } from '../config/error-codes.js';
import type { MapReader } from '../config/map-reader.js';
import { reportDuplicates, type NamedEntry } from '../config/unique-names.js';
import { assignDefined } from '../config/assign-defined.js';
import { nonEmptyText, text } from '../config/value-kinds.js';

const columnKeys = ['name', 'type', 'description'];

/** Reads a table's columns (at least one, unique names), in the order written: the load relies on it. */
export function readColumns(table: MapReader): ColumnSpec[] {
  if (!table.has('columns')) {
    const hint = 'list the columns, e.g. `- {name: id, type: integer}`';
    return table.missing('columns', { expected: 'a list of columns' }, hint) ?? [];
  }
  const readers = table.items('columns', 'column');
  if (readers?.length === 0) reportNoColumns(table);
  const columns: ColumnSpec[] = [];
  const named: NamedEntry[] = [];
  for (const reader of readers ?? []) {
    const column = readColumn(reader, table.what);
    columns.push(column);
    if (column.name) named.push({ name: column.name, at: reader.valueAt('name') });
  }
  reportDuplicates(table.scope.source, named, 'column', ` in ${table.what}`);
  return columns;
}

function readColumn(reader: MapReader, tableWhat: string): ColumnSpec {
  reader.checkKeys(columnKeys);
  const name = reader.require('name', nonEmptyText);
  const column = reader.named(name ? `column '${name}' of ${tableWhat}` : `a column of ${tableWhat}`);
  const type = column.require('type', nonEmptyText, 'give its SQL type, e.g. `type: varchar(256)`');
  const spec: ColumnSpec = { name: name ?? '', type: type ?? '', position: reader.at };
  return assignDefined(spec, { description: column.get('description', text) });
}

function reportNoColumns(table: MapReader): void {
  const message = `\`columns\` in ${table.what} is empty`;
  const hint = 'a staging table needs at least one column';
  table.report(ProjectErrors.missingKey, message, table.valueAt('columns'), hint);
}
