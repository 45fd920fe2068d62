/**
 * How a source's JSON keys become columns (`jsonpaths:` in sources.yml): a JSONPaths file, or one of
 * Redshift's two automatic mappings, which mean the same on every engine
 * (https://docs.aws.amazon.com/redshift/latest/dg/copy-usage_notes-copy-from-json.html):
 * - `auto`: a column takes the key spelled exactly like it — "The matching is case-sensitive"
 *   (https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-format.html), so `sessionId`
 *   never fills `sessionid`;
 * - `auto ignorecase`: "COPY automatically loads fields from the JSON file while ignoring the case of
 *   field names".
 */

/** The automatic mappings, as sources.yml and Redshift's COPY spell them. */
export type AutoMapping = 'auto' | 'auto ignorecase';

const AUTO_MAPPINGS: readonly AutoMapping[] = ['auto', 'auto ignorecase'];

/** The automatic mapping `jsonpaths` names (any case, any spacing), or undefined for a JSONPaths file. */
export function autoMapping(jsonpaths: string): AutoMapping | undefined {
  const normal = jsonpaths.trim().toLowerCase().replace(/\s+/g, ' ');
  return AUTO_MAPPINGS.find((mapping) => mapping === normal);
}
