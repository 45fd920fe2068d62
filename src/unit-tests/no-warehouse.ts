/**
 * Stands in for the target when only unit tests run (`sparkify test --select test_type:unit`):
 * they run in their own in-memory database, so the warehouse is neither opened nor locked and
 * needs not exist at all.
 */
import type { Adapter } from '../engines/adapter.js';

/** An adapter that opens nothing; any use of the warehouse is a bug. */
export function noWarehouse(type: string): Adapter {
  const unused = (): never => {
    throw new Error('unit tests never use the warehouse');
  };
  return {
    type,
    capabilities: { multipleConnections: false, transactionalDdl: true },
    open: async () => undefined,
    close: async () => undefined,
    withSession: async () => unused(),
    relationKind: async () => unused(),
  };
}
