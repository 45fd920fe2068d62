/** Sources in dbt's manifest shape (`sources`): loaded ones with their load settings under meta.sparkify, dbt's own as written. */
import type { SourceNode } from '../manifest/manifest.js';
import type { FreshnessSpec } from '../manifest/freshness.js';
import { dbtColumn, dbtColumns, relationName, type NodeContext } from './manifest-shared.js';

/** A source table: dbt's SourceDefinition. */
export function dbtSource(source: SourceNode, ctx: NodeContext): Record<string, unknown> {
  const columns = source.existing
    ? dbtColumns(source.columnDocs)
    : Object.fromEntries(source.columns.map((c) => [c.name, dbtColumn(c.name, c.description ?? '', c.type)]));
  return {
    database: source.database ?? ctx.database, schema: source.relation.schema, name: source.name, resource_type: 'source', package_name: ctx.projectName,
    path: source.path, original_file_path: source.path, unique_id: ctx.ids.toDbt(source.id),
    fqn: [ctx.projectName, source.sourceName, source.name], source_name: source.sourceName, source_description: '',
    // dbt's `loader` names the tool that loads the table: sparkify loads those of sources.yml itself.
    loader: source.existing ? source.loader ?? '' : 'sparkify', identifier: source.relation.identifier, quoting: {},
    loaded_at_field: source.loadedAtField ?? null, loaded_at_query: null,
    freshness: dbtFreshness(source.freshness), external: null, description: source.description ?? '', columns,
    meta: source.existing ? { ...source.meta } : { ...source.meta, sparkify: { load: loadFacts(source) } }, source_meta: {}, tags: source.tags,
    config: { enabled: true, event_time: null, freshness: dbtFreshness(source.freshness) },
    patch_path: null, unrendered_config: {}, relation_name: relationName(source.relation), doc_blocks: [],
  };
}

/** dbt's FreshnessThreshold, null when the table has none. */
function dbtFreshness(spec: FreshnessSpec | undefined): Record<string, unknown> | null {
  if (!spec) return null;
  const time = (t: FreshnessSpec['warnAfter']) => (t ? { count: t.count, period: t.period } : { count: null, period: null });
  return { warn_after: time(spec.warnAfter), error_after: time(spec.errorAfter), filter: spec.filter ?? null };
}

/** How sparkify loads the table: location, JSONPaths, tolerated bad records and value formats. */
function loadFacts(source: SourceNode): Record<string, unknown> {
  return {
    location: source.location, jsonpaths: source.jsonpaths, maxerrors: source.maxerrors,
    timeformat: source.timeformat, truncatecolumns: source.truncatecolumns, line: source.line,
    ...(source.region ? { region: source.region } : {}),
    ...(source.originColumns ? { origin_columns: true } : {}),
  };
}
