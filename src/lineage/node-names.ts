/** How lineage names nodes to people: `songplays`, `sparkify.staging_events`, rather than node ids. */

/** The name a node id stands for (`model.users` → `users`, `source.sparkify.staging_events` → `sparkify.staging_events`). */
export function displayName(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? id : id.slice(dot + 1);
}

/** The kind part of a node id (`model`, `source`, `seed`, `snapshot`). */
export function nodeKind(id: string): string {
  const dot = id.indexOf('.');
  return dot < 0 ? '' : id.slice(0, dot);
}
