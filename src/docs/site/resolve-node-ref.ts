/**
 * The site node a lineage reference names. The site's ids are dbt's unique ids
 * (`model.sparkify.songplays`); the lineage library writes sparkify's own (`model.songplays`,
 * `source.sparkify.staging_events`), and a producer may write bare names: all three resolve.
 */
export function resolveNodeRef(ref: string, project: string, has: (id: string) => boolean, byName: (name: string) => string | undefined): string | undefined {
  if (has(ref)) return ref;
  const [type, ...rest] = ref.split('.');
  const longId = `${type}.${project}.${rest.join('.')}`;
  if (rest.length > 0 && has(longId)) return longId;
  return byName(ref) ?? byName(rest.join('.'));
}
