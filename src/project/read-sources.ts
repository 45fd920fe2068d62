/** sources.yml into one SourceTable per declared table. */
import type { Position } from '../diagnostics.js';
import { isMap } from 'yaml';
import { SparkifyError } from '../diagnostics.js';
import { assignDefined } from '../config/assign-defined.js';
import { ProjectErrors } from '../config/error-codes.js';
import { MapReader } from '../config/map-reader.js';
import { describe } from '../config/node-values.js';
import { autoMapping } from '../manifest/jsonpaths-mapping.js';
import { readColumns } from './read-columns.js';
import { replacementChar } from './replacement-char.js';
import { ReadScope, type ScopeContext } from '../config/read-scope.js';
import type { SourceTable } from './types.js';
import { reportDuplicates, type NamedEntry } from '../config/unique-names.js';
import { boolean, integer, nonEmptyText, oneOf, text, textList } from '../config/value-kinds.js';
import { readYamlSource, type YamlSource } from '../config/yaml-source.js';

const file = 'sources.yml';
const sourceKeys = ['name', 'schema', 'description', 'tables'];
const tableKeys = [
  ...['name', 'identifier', 'description', 'location', 'jsonpaths'],
  ...['maxerrors', 'timeformat', 'truncatecolumns', 'region', 'accept_invalid_chars', 'origin_columns', 'tags', 'columns'],
];
const timeformats = ['auto', 'epochmillisecs', 'epochsecs'] as const;
const locationHint = 'give the folder, file or glob of the JSON files, e.g. data/log_data';

/** Reads `root/sources.yml` (no sources when it is absent or empty); SparkifyError listing every problem. */
export function readSources(root: string, context: ScopeContext): SourceTable[] {
  const source = readYamlSource(root, file);
  if (!source || source.document.contents === null) return [];
  const top = topMapping(source, context);
  top.checkKeys(['sources']);
  const sources = (top.items('sources', 'source') ?? []).map(readSource);
  const sourceNames = sources.filter((entry) => entry.name).map(({ name, at }) => ({ name, at }));
  reportDuplicates(source, sourceNames, 'source', '');
  const tables = sources.flatMap((entry) => entry.tables);
  reportSharedRelations(source, tables);
  source.throwIfProblems();
  return tables.map((entry) => entry.table);
}

function topMapping(source: YamlSource, context: ScopeContext): MapReader {
  const contents = source.document.contents;
  const scope = new ReadScope(source, context);
  if (isMap(contents)) return new MapReader(scope, contents, source.position(contents), file);
  const hint = 'start the file with `sources:` followed by a list of sources';
  const at = source.position(contents);
  const message = `${file} must be a mapping with a \`sources\` list, got ${describe(contents)}`;
  throw new SparkifyError({ code: ProjectErrors.notAMapping, message, location: at, hint });
}

/** A table with where its name is written, for duplicate checks. */
interface ReadTable {
  table: SourceTable;
  at: Position;
}

/** A source's name, where it is written and its tables. */
interface ReadSource extends NamedEntry {
  tables: ReadTable[];
}

function readSource(reader: MapReader): ReadSource {
  reader.checkKeys(sourceKeys);
  const name = reader.require('name', nonEmptyText) ?? '';
  const source = name ? reader.named(`source '${name}'`) : reader;
  const schema = source.get('schema', nonEmptyText);
  source.get('description', text);
  if (!source.has('tables')) {
    source.missing('tables', { expected: 'a list of tables' }, 'list the tables of this source under `tables:`');
  }
  const tables = (source.items('tables', 'table') ?? []).map((table) => readTable(table, name, schema));
  const tableNames = tables.filter((entry) => entry.table.name).map(({ table, at }) => ({ name: table.name, at }));
  reportDuplicates(source.scope.source, tableNames, 'table', ` in ${source.what}`);
  return { name, at: reader.valueAt('name'), tables };
}

function readTable(reader: MapReader, sourceName: string, schema: string | undefined): ReadTable {
  reader.checkKeys(tableKeys);
  const name = reader.require('name', nonEmptyText) ?? '';
  const what = name ? `table '${sourceName}.${name}'` : `a table of source '${sourceName}'`;
  const table = reader.named(what, reader.scope.forNode(`source.${sourceName}.${name}`));
  const spec: SourceTable = {
    sourceName,
    name,
    identifier: table.get('identifier', nonEmptyText) ?? name,
    location: table.require('location', nonEmptyText, locationHint) ?? '',
    jsonpaths: readJsonpaths(table),
    maxerrors: table.get('maxerrors', integer(0)) ?? 0,
    timeformat: table.get('timeformat', oneOf(timeformats)) ?? 'auto',
    truncatecolumns: table.get('truncatecolumns', boolean) ?? false,
    columns: readColumns(table),
    tags: table.get('tags', textList) ?? [],
    position: reader.at,
  };
  const acceptInvalidChars = table.get('accept_invalid_chars', replacementChar) || undefined;
  const originColumns = table.get('origin_columns', boolean) ? (true as const) : undefined;
  assignDefined(spec, { schema, description: table.get('description', text), region: table.get('region', nonEmptyText), acceptInvalidChars, originColumns });
  return { table: spec, at: reader.valueAt('name') };
}

function readJsonpaths(table: MapReader): string {
  const hint = 'write `jsonpaths: auto` to match JSON keys to column names (`auto ignorecase` to ignore their case), or give the path of a JSONPaths file';
  const value = table.require('jsonpaths', nonEmptyText, hint) ?? '';
  return autoMapping(value) ?? value;
}

/** Two tables (from different sources, or renamed by `identifier`) must not load into one relation. */
function reportSharedRelations(source: YamlSource, tables: ReadTable[]): void {
  const seen = new Map<string, SourceTable>();
  for (const { table, at } of tables) {
    if (!table.name) continue;
    // `schema` undefined means the target schema, which is the same for every such table.
    const relation = `${table.schema ?? '<target schema>'}.${table.identifier}`;
    const earlier = seen.get(relation);
    if (!earlier) seen.set(relation, table);
    // Same source and name is a duplicate table, reported already.
    else if (earlier.sourceName !== table.sourceName || earlier.name !== table.name) {
      const message = `table '${qualified(table)}' loads into the same relation as '${qualified(earlier)}'`;
      const hint = `both load into ${relation}; give one of them another \`identifier\` or \`schema\``;
      source.report(ProjectErrors.duplicateName, message, at, hint);
    }
  }
}

function qualified(table: SourceTable): string {
  return `${table.sourceName}.${table.name}`;
}
