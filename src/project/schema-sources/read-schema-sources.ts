/**
 * dbt's `sources:` in schema files (`models/**\/*.yml`, `version: 2`): tables something else loads,
 * which `source()` reads as they are. Each table becomes a SourceTable marked `existing`, with
 * dbt's defaults: the schema is the source's name, the identifier the table's name.
 */
import { isMap } from 'yaml';
import type { Position } from '../../diagnostics.js';
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { MapReader } from '../../config/map-reader.js';
import { ReadScope, type ScopeContext } from '../../config/read-scope.js';
import { reportDuplicates } from '../../config/unique-names.js';
import { nonEmptyText, text } from '../../config/value-kinds.js';
import { parseYamlSource, type YamlSource } from '../../config/yaml-source.js';
import type { TemplateFile } from '../project-files.js';
import { readColumnDocs } from '../read-schema-files.js';
import { readTestList } from '../read-test-entry.js';
import type { SourceTable } from '../types.js';
import { notApplied, readSettings, type SourceQuoting, type SourceSettings } from './source-settings.js';

const SOURCE_KEYS = ['name', 'description', 'database', 'schema', 'loader', 'loaded_at_field', 'loaded_at_query', 'freshness', 'quoting',
  'tags', 'meta', 'config', 'tables', 'overrides', 'docs'];
const TABLE_KEYS = ['name', 'description', 'identifier', 'loaded_at_field', 'loaded_at_query', 'freshness', 'quoting', 'tags', 'meta',
  'config', 'columns', 'data_tests', 'tests', 'external', 'docs'];
const NOT_APPLIED = ['overrides', 'external'];

/** What the schema files declare under `sources:`, and what is wrong with them. */
export interface SchemaSourcesRead {
  tables: SourceTable[];
  diagnostics: Diagnostic[];
  warnings: Diagnostic[];
}

/** Reads `sources:` of every schema file; other keys are left to the schema-file reader of compile. */
export function readSchemaSources(files: TemplateFile[], context: ScopeContext): SchemaSourcesRead {
  const out: SchemaSourcesRead = { tables: [], diagnostics: [], warnings: [] };
  for (const file of files) {
    let source: YamlSource;
    try {
      source = parseYamlSource(file.path, file.source);
    } catch (error) {
      if (error instanceof SparkifyError) continue; // compile's schema-file reader reports it
      throw error;
    }
    const top = source.document.contents;
    if (!isMap(top)) continue;
    const reader = new MapReader(new ReadScope(source, context), top, source.position(top), file.path);
    const sources = reader.items('sources', 'source') ?? [];
    const named = sources.map((entry) => ({ entry, name: entry.get('name', nonEmptyText) ?? '' }));
    reportDuplicates(source, named.filter((s) => s.name).map((s) => ({ name: s.name, at: s.entry.valueAt('name') })), 'source', ` in ${file.path}`);
    for (const { entry } of named) out.tables.push(...readSource(entry));
    out.diagnostics.push(...source.diagnostics);
    out.warnings.push(...source.warnings);
  }
  return out;
}

const ROOT_SETTINGS: SourceSettings = { tags: [], meta: {}, quoting: {}, enabled: true };

function readSource(entry: MapReader): SourceTable[] {
  entry.checkKeys(SOURCE_KEYS);
  const name = entry.require('name', nonEmptyText) ?? '';
  const source = name ? entry.named(`source '${name}'`) : entry;
  for (const key of NOT_APPLIED) if (source.has(key)) notApplied(source, key);
  source.get('description', text);
  const settings = readSettings(source, ROOT_SETTINGS);
  const place = { schema: source.get('schema', nonEmptyText) ?? name, database: source.get('database', nonEmptyText), loader: source.get('loader', text) };
  if (!source.has('tables')) source.missing('tables', { expected: 'a list of tables' }, 'list the tables of this source under `tables:`');
  const tables = (source.items('tables', 'table') ?? []).map((table) => readTable(table, name, place, settings));
  const named = tables.filter((t) => t.table.name).map(({ table, at }) => ({ name: table.name, at }));
  reportDuplicates(source.scope.source, named, 'table', ` in ${source.what}`);
  return tables.filter((t) => t.enabled).map((t) => t.table);
}

/** Where a source's tables are, before each table's own quoting. */
interface Place {
  schema: string;
  database?: string;
  loader?: string;
}

function readTable(reader: MapReader, sourceName: string, place: Place, base: SourceSettings): { table: SourceTable; at: Position; enabled: boolean } {
  reader.checkKeys(TABLE_KEYS);
  const name = reader.require('name', nonEmptyText) ?? '';
  const table = reader.named(name ? `table '${sourceName}.${name}'` : `a table of source '${sourceName}'`, reader.scope.forNode(`source.${sourceName}.${name}`));
  for (const key of NOT_APPLIED) if (table.has(key)) notApplied(table, key);
  const settings = readSettings(table, base);
  const columnDocs = readColumnDocs(table);
  const spec: SourceTable = {
    sourceName, name, existing: true,
    schema: fold(place.schema, settings.quoting, 'schema'),
    identifier: fold(table.get('identifier', nonEmptyText) ?? name, settings.quoting, 'identifier'),
    location: '', jsonpaths: 'auto', maxerrors: 0, timeformat: 'auto', truncatecolumns: false,
    columns: columnDocs.map((c) => ({ name: c.name, type: c.dataType ?? '', position: c.at, ...(c.description !== undefined ? { description: c.description } : {}) })),
    tags: settings.tags, meta: settings.meta, tests: readTestList(table), columnDocs, position: reader.at,
  };
  const description = table.get('description', text);
  for (const [key, value] of Object.entries({ description, database: place.database, loader: place.loader, freshness: settings.freshness, loadedAtField: settings.loadedAtField })) {
    if (value !== undefined) (spec as unknown as Record<string, unknown>)[key] = value;
  }
  return { table: spec, at: reader.valueAt('name'), enabled: settings.enabled };
}

/** With quoting off, PostgreSQL folds an unquoted name to lower case; sparkify quotes the folded name. */
function fold(name: string, quoting: SourceQuoting, part: 'schema' | 'identifier'): string {
  return quoting[part] === false ? name.toLowerCase() : name;
}
