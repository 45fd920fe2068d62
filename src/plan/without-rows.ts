import type { Statement } from './types.js';

/**
 * --empty for sources and seeds: the load's statements without the COPY (or INSERTs) that fills
 * the table, so the table is created, empty, and swapped in as usual. Redshift seeds carry their rows
 * as INSERT … VALUES statements marked reportsRows; PostgreSQL's COPY is marked copyFrom.
 */
export function withoutRows(statements: Statement[], empty: boolean | undefined): Statement[] {
  if (!empty) return statements;
  // Ledger rows without their rows would say files were loaded: they go too (an empty ledger reloads in full).
  return statements.filter((statement) => statement.copyFrom === undefined && !statement.ledgerRows && !(statement.reportsRows && /^\s*(--[^\n]*\n\s*)*(insert|copy)\b/i.test(statement.sql)));
}
