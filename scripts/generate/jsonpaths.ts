/** `log_json_path.json`: the JSONPaths file Redshift's COPY uses to map log keys to staging_events columns. */

/** The event keys in staging_events column order (also the key order of every log line). */
export const EVENT_KEYS = [
  'artist', 'auth', 'firstName', 'gender', 'itemInSession', 'lastName', 'length', 'level', 'location',
  'method', 'page', 'registration', 'sessionId', 'song', 'status', 'ts', 'userAgent', 'userId',
] as const;

/** The file's bytes: 4-space indentation, `$['key']` paths, no trailing newline, like the real file. */
export function jsonPathsText(): string {
  const paths = EVENT_KEYS.map((key) => `        "$['${key}']"`).join(',\n');
  return `{\n    "jsonpaths": [\n${paths}\n    ]\n}`;
}
