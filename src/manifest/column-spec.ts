import type { Position } from '../diagnostics.js';

/** A column of a source table, as declared in sources.yml. */
export interface ColumnSpec {
  name: string;
  /** SQL type as written, e.g. `bigint`, `varchar(256)`, `double precision`, `numeric(10,5)`. */
  type: string;
  description?: string;
  position: Position;
}
