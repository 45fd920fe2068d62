import type { DocsIndex } from './docs-index.js';
import { h } from './dom.js';
import { nodeHref } from './router.js';
import { search } from './search.js';

/** The search results for a query. */
export function searchPage(index: DocsIndex, query: string): HTMLElement {
  const hits = search(index, query);
  return h('article', { class: 'search-page' },
    h('h1', {}, `Search: ${query}`),
    h('p', { class: 'muted' }, hits.length === 0 ? 'Nothing matches.' : `${hits.length}${hits.length === 200 ? '+' : ''} results`),
    h('ul', { class: 'search-results' }, hits.map((hit) => h('li', {},
      h('a', { href: nodeHref(hit.node.id, hit.reason?.startsWith('column ') ? hit.reason.slice(7) : undefined), class: 'search-hit', 'data-id': hit.node.id },
        h('span', { class: `badge type-${hit.node.type}` }, hit.node.type.replace('_', ' ')),
        h('span', { class: 'hit-name' }, hit.node.label),
        hit.reason ? h('span', { class: 'hit-reason' }, hit.reason) : null),
      hit.node.text ? h('div', { class: 'hit-text' }, hit.node.text.length > 180 ? `${hit.node.text.slice(0, 180)}…` : hit.node.text) : null))));
}
