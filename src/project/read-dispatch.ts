/**
 * `dispatch:` of the project file (dbt_project.yml, or project.yml): for a macro namespace, the
 * packages adapter.dispatch searches and in which order, e.g.
 * `dispatch: [{macro_namespace: dbt_utils, search_order: [my_project, dbt_utils]}]`.
 */
import type { MapReader } from '../config/map-reader.js';
import { nonEmptyText, textList } from '../config/value-kinds.js';

/** Reads `dispatch:`; a namespace → its search order (packages by name). */
export function readDispatch(project: MapReader): Record<string, string[]> | undefined {
  const entries = project.items('dispatch', 'dispatch entry');
  if (!entries) return undefined;
  const orders: Record<string, string[]> = {};
  for (const entry of entries) {
    entry.checkKeys(['macro_namespace', 'search_order']);
    const namespace = entry.require('macro_namespace', nonEmptyText, 'name the namespace, e.g. `macro_namespace: dbt_utils`');
    const order = entry.require('search_order', textList, 'list the packages to search, e.g. `search_order: [my_project, dbt_utils]`');
    if (namespace !== undefined && order !== undefined) orders[namespace] = order;
  }
  return orders;
}
