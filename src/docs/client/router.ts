/** Hash routes, so every view has a link that works from file:// and survives a reload. */

/** Where the page is. */
export interface Route {
  page: 'overview' | 'graph' | 'node' | 'search';
  id?: string;
  params: URLSearchParams;
}

/** Reads `#/graph?select=...`, `#/node/<id>?column=...`, `#/search?q=...`; anything else is the overview. */
export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path, query = ''] = splitOnce(text, '?');
  const params = new URLSearchParams(query);
  if (path === 'graph') return { page: 'graph', params };
  if (path === 'search') return { page: 'search', params };
  if (path.startsWith('node/')) return { page: 'node', id: decodeURIComponent(path.slice('node/'.length)), params };
  return { page: 'overview', params };
}

/** The link to a node's page, optionally with a column's lineage open. */
export function nodeHref(id: string, column?: string, direction?: 'upstream' | 'downstream'): string {
  const params = new URLSearchParams();
  if (column) params.set('column', column);
  if (direction && direction !== 'upstream') params.set('direction', direction);
  const query = params.toString();
  return `#/node/${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}

/** The link to the graph page with a selector. */
export function graphHref(select: string, withTests = false): string {
  const params = new URLSearchParams();
  if (select) params.set('select', select);
  if (withTests) params.set('tests', '1');
  const query = params.toString();
  return `#/graph${query ? `?${query}` : ''}`;
}

/** The link to the search results. */
export function searchHref(query: string): string {
  return `#/search?${new URLSearchParams({ q: query }).toString()}`;
}

function splitOnce(text: string, separator: string): [string, string?] {
  const at = text.indexOf(separator);
  return at === -1 ? [text] : [text.slice(0, at), text.slice(at + 1)];
}
