/** Sources in dbt's manifest shape (`sources`), loaded ones with their load settings under meta.sparkify. */
import type { SourceNode } from '../manifest/manifest.js';
import { dbtColumn, relationName, type NodeContext } from './manifest-shared.js';

/** A source table: dbt's SourceDefinition. */
export function dbtSource(source: SourceNode, ctx: NodeContext): Record<string, unknown> {
  const columns = Object.fromEntries(source.columns.map((c) => [c.name, dbtColumn(c.name, c.description ?? '', c.type)]));
  return {
    database: ctx.database, schema: source.relation.schema, name: source.name, resource_type: 'source', package_name: ctx.projectName,
    path: source.path, original_file_path: source.path, unique_id: ctx.ids.toDbt(source.id),
    fqn: [ctx.projectName, source.sourceName, source.name], source_name: source.sourceName, source_description: '',
    // dbt's `loader` names the tool that loads the table: sparkify loads these itself.
    loader: 'sparkify', identifier: source.relation.identifier, quoting: {}, loaded_at_field: null, loaded_at_query: null,
    freshness: null, external: null, description: source.description ?? '', columns,
    meta: { sparkify: { load: loadFacts(source) } }, source_meta: {}, tags: source.tags, config: { enabled: true },
    patch_path: null, unrendered_config: {}, relation_name: relationName(source.relation), doc_blocks: [],
  };
}

/** How sparkify loads the table: location, JSONPaths, tolerated bad records and value formats. */
function loadFacts(source: SourceNode): Record<string, unknown> {
  return {
    location: source.location, jsonpaths: source.jsonpaths, maxerrors: source.maxerrors,
    timeformat: source.timeformat, truncatecolumns: source.truncatecolumns, line: source.line,
    ...(source.region ? { region: source.region } : {}),
  };
}
