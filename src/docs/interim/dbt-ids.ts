import { createHash } from 'node:crypto';
import type { ManifestNode } from '../../compile/manifest.js';

/**
 * dbt's unique_id of a sparkify node: `model.songplays` → `model.sparkify.songplays`,
 * `source.sparkify.staging_events` → `source.sparkify.sparkify.staging_events`; a generic test gets
 * a short hash as dbt's do (`test.sparkify.unique_users_user_id.1a2b3c4d5e`).
 */
export function dbtId(project: string, node: ManifestNode): string {
  const rest = node.id.slice(node.id.indexOf('.') + 1);
  if (node.kind === 'test' && node.testType === 'generic') return `test.${project}.${rest}.${createHash('md5').update(node.id).digest('hex').slice(0, 10)}`;
  return `${node.kind}.${project}.${rest}`;
}

/** Maps every internal id of the manifest to its dbt unique_id. */
export function dbtIdMap(project: string, nodes: Record<string, ManifestNode>): Map<string, string> {
  return new Map(Object.values(nodes).map((node) => [node.id, dbtId(project, node)]));
}
