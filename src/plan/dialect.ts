import type { ModelNode, SourceNode } from '../compile/manifest.js';
import type { Statement } from './types.js';

/**
 * The SQL a warehouse engine needs for each kind of node. One implementation per engine family;
 * differences are here, not scattered through the planner.
 */
export interface Dialect {
  readonly name: string;
  /** Replace a staging table with the rows of its source files, atomically. */
  loadSource(source: SourceNode): Statement[];
  /** Replace a table with the result of the model's SELECT, atomically. */
  buildTable(model: ModelNode): Statement[];
  /** Create or replace a view. */
  buildView(model: ModelNode): Statement[];
}
