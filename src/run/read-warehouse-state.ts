import type { Adapter } from '../engines/adapter.js';
import type { Dialect } from '../plan/dialect.js';
import type { StateRequest } from '../plan/warehouse-catalog.js';
import type { WarehouseState } from '../plan/warehouse-state.js';
import { relationKey } from '../plan/warehouse-state.js';

/**
 * Reads what the planner needs from the warehouse (execute phase: I/O only, the SQL comes from the
 * dialect). A dialect without catalog queries gets the kinds of the relations alone.
 */
export async function readWarehouseState(adapter: Adapter, dialect: Dialect, request: StateRequest): Promise<WarehouseState> {
  const state: WarehouseState = { relations: {}, leftovers: [] };
  if (!dialect.catalog) {
    for (const relation of request.relations) {
      const kind = await adapter.relationKind(relation);
      if (kind) state.relations[relationKey(relation)] = { kind };
    }
    return state;
  }
  const steps = dialect.catalog.steps(request);
  await adapter.withSession(async (session) => {
    try {
      for (const step of steps) {
        const result = await session.execute(step.sql);
        step.read?.(result.rows, state);
      }
    } catch (error) {
      await session.execute('ROLLBACK').catch(() => undefined);
      throw error;
    }
  });
  return state;
}
