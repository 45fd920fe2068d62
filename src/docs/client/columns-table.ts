import type { SiteNode } from '../site/site-data.js';
import type { DocsIndex } from './docs-index.js';
import { h, trustedHtml } from './dom.js';
import { nodeHref } from './router.js';
import { testChip } from './test-chip.js';

/** The columns of a node: name (opens its lineage), type, description and tests. */
export function columnsTable(index: DocsIndex, node: SiteNode, openColumn?: string): HTMLElement {
  if (node.columns.length === 0) return h('p', { class: 'muted' }, 'No columns are documented, and the catalog has none (run docs generate without --empty-catalog after a build).');
  const lineage = index.lineage(node.id);
  return h('table', { class: 'columns' },
    h('thead', {}, h('tr', {}, h('th', {}, 'Column'), h('th', {}, 'Type'), h('th', {}, 'Description'), h('th', {}, 'Tests'))),
    h('tbody', {}, node.columns.map((column) => {
      const traced = lineage?.columns.find((c) => c.column.toLowerCase() === column.name.toLowerCase());
      const open = openColumn?.toLowerCase() === column.name.toLowerCase();
      return h('tr', { class: open ? 'open' : undefined, 'data-column': column.name },
        h('td', {}, h('a', { class: 'column-name', href: nodeHref(node.id, column.name), title: 'Show the column lineage' },
          h('code', {}, column.name), traced ? h('span', { class: 'lineage-mark', title: `${traced.edges.length} upstream column(s)` }, '⇠') : null)),
        h('td', { class: 'type' }, column.type ? h('code', {}, column.type) : h('span', { class: 'muted' }, '—')),
        h('td', {}, column.description ? trustedHtml('markdown', column.description) : h('span', { class: 'muted' }, '')),
        h('td', { class: 'tests' }, column.tests.map((id) => testChip(index, id))));
    })));
}
