/**
 * The column `sparkify lineage` traces, as the user writes it: `songplays.user_id`,
 * `staging_events.user_id` (a source table by its name), `sparkify.staging_events.user_id`,
 * `source:sparkify.staging_events.user_id` or a node id (`model.songplays.user_id`).
 */
import { fail, nearestNames } from '../diagnostics.js';
import { LineageErrors } from '../lineage/error-codes.js';
import { displayName, nodeKind } from '../lineage/node-names.js';
import { STAR } from '../lineage/shape.js';
import type { LineageColumnRef, ProjectLineage } from '../lineage/types.js';

/** The column an argument names, or SPK801–SPK804 with the near names. */
export function parseColumnArgument(argument: string, lineage: ProjectLineage): LineageColumnRef {
  const dot = argument.lastIndexOf('.');
  if (dot <= 0 || dot === argument.length - 1) {
    fail(LineageErrors.badArgument, `expected MODEL.COLUMN, got '${argument}'`, undefined, 'e.g. sparkify lineage songplays.user_id');
  }
  const node = resolveNode(argument.slice(0, dot), lineage);
  const column = argument.slice(dot + 1);
  checkColumn(node, column, lineage);
  return { node, column };
}

function resolveNode(written: string, lineage: ProjectLineage): string {
  const ids = Object.keys(lineage);
  const name = written.replace(/^source:/, '');
  const matches = written.startsWith('source:')
    ? ids.filter((id) => id === `source.${name}`)
    : ids.filter((id) => id === written || displayName(id) === name || (nodeKind(id) === 'source' && displayName(id).split('.')[1] === name));
  if (matches.length === 1) return matches[0];
  if (matches.length > 1) {
    fail(LineageErrors.ambiguousNode, `'${written}' names ${matches.length} nodes: ${matches.join(', ')}`, undefined,
      `write the node id instead, e.g. ${matches[0]}.COLUMN`);
  }
  const near = nearestNames(name, ids.flatMap((id) => [displayName(id), ...(nodeKind(id) === 'source' ? [displayName(id).split('.')[1]] : [])]));
  return fail(LineageErrors.unknownNode, `no model, snapshot, seed or source is named '${written}'`, undefined,
    near.length > 0 ? `did you mean ${near.map((n) => `'${n}'`).join(', ')}?` : 'sparkify ls lists the nodes');
}

function checkColumn(node: string, column: string, lineage: ProjectLineage): void {
  const { columns, error } = lineage[node];
  if (error !== undefined || columns.some((c) => c.column === column || c.column === STAR)) return;
  const names = columns.map((c) => c.column);
  const near = nearestNames(column, names);
  fail(LineageErrors.unknownColumn, `${displayName(node)} has no column '${column}'`, undefined,
    near.length > 0 ? `did you mean ${near.map((n) => `'${n}'`).join(', ')}? (its columns: ${names.join(', ')})` : `its columns: ${names.join(', ')}`);
}
