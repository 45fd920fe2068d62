/**
 * `loaded_since_last_build(source_name, table_name)`: an incremental model's filter on a staging
 * table, true for exactly the rows loaded since this model was last built. Each staged row carries
 * its load id (LOAD_ID_COLUMN) and each build of the model records, in the source's consumed
 * table, the loads it has read; the filter keeps the rest. In a full build it is `true` (every
 * row). Targets that keep no load ledger (Redshift without a manifest_prefix: its COPY reads the
 * whole location) get `true` too: the model re-reads every row and its unique_key (delete+insert,
 * merge) keeps it exact.
 */
import type nunjucks from 'nunjucks';
import { LOAD_ID_COLUMN } from '../../plan/loads/load-ledger.js';
import { bindArgs } from '../python/call-args.js';
import type { RenderScope } from '../render-scope.js';

/** Installs the global; `source` is the source() global (it checks the names and records the dependency). */
export function installLoadsMacro(env: nunjucks.Environment, current: () => RenderScope, source: (s: unknown, t: unknown) => unknown, ledgers: boolean, marker: (key: string) => string): void {
  env.addGlobal('loaded_since_last_build', (...args: unknown[]) => {
    const { source_name: sourceName, table_name: table, alias } = bindArgs('loaded_since_last_build', args, ['source_name', 'table_name', ['alias', null]]);
    source(sourceName, table);
    const scope = current();
    const key = `${String(sourceName)}.${String(table)}`;
    if (!scope.followsLoads.includes(key)) scope.followsLoads.push(key);
    if (!scope.incremental || !ledgers) return 'true';
    const column = alias ? `${String(alias)}.${LOAD_ID_COLUMN}` : LOAD_ID_COLUMN;
    const modelId = `model.${scope.modelName}`.replace(/'/g, "''");
    return `${column} not in (select load_id from ${marker(key)} where model_id = '${modelId}')`;
  });
}
