import type { SiteNode } from '../site/site-data.js';
import { codeView } from './code-view.js';
import { columnLineagePanel } from './column-lineage-view.js';
import { columnsTable } from './columns-table.js';
import type { DocsIndex } from './docs-index.js';
import { DAG_TYPES } from './docs-index.js';
import { h, trustedHtml } from './dom.js';
import { createDagPanel, neighbourhood } from './graph-view.js';
import { detailsCard, loadCard, neighboursCard, runBadge, testCard, testsCard } from './node-sections.js';
import { graphHref } from './router.js';
import { ledgerCard } from './ledger-card.js';
import { formatCount, formatStat } from './format.js';

/** Where a node page is opened: which column's lineage, and which way. */
export interface NodePageOptions {
  column?: string;
  direction: 'upstream' | 'downstream';
  open: (id: string) => void;
}

/** A resource's page: header, description, columns (and a column's lineage), lineage, tests, code. */
export function nodePage(index: DocsIndex, node: SiteNode, options: NodePageOptions): HTMLElement {
  const hasColumns = node.type !== 'macro' && node.type !== 'test' && node.type !== 'unit_test';
  const page = h('article', { class: 'node-page', 'data-node': node.id },
    header(node),
    node.description ? trustedHtml('markdown description', node.description) : h('p', { class: 'muted description' }, 'No description.'),
    hasColumns ? h('section', { class: 'card' }, h('h2', {}, `Columns (${node.columns.length})`), columnsTable(index, node, options.column)) : null,
    hasColumns && options.column ? columnLineagePanel(index, { node: node.id, column: options.column }, options.direction) : null,
    testCard(index, node),
    loadCard(node),
    ledgerCard(node),
    testsCard(index, node),
    node.type === 'macro' && node.arguments?.length ? h('section', { class: 'card' }, h('h2', {}, 'Arguments'), h('p', {}, node.arguments.map((a) => h('code', {}, a)).flatMap((c) => [c, ' ']))) : null,
    codeView(node.type === 'macro' ? [{ label: 'Macro', code: node.rawCode }] : [{ label: 'Template', code: node.rawCode }, { label: 'Compiled SQL', code: node.compiledCode }]),
  );
  if (DAG_TYPES.has(node.type)) page.insertBefore(lineageCard(index, node, options.open), page.querySelector('.code-card'));
  if (node.type !== 'macro') page.appendChild(neighboursCard(index, node) ?? h('span'));
  if (node.type !== 'macro') page.appendChild(detailsCard(node));
  return page;
}

function header(node: SiteNode): HTMLElement {
  return h('header', { class: 'node-header' },
    h('div', { class: 'eyebrow' }, h('span', { class: `badge type-${node.type}` }, node.type.replace('_', ' ')),
      node.materialized ? h('span', { class: 'badge plain' }, node.materialized) : null,
      node.tags.map((tag) => h('a', { class: 'badge tag', href: graphHref(`tag:${tag}`) }, `#${tag}`))),
    h('h1', {}, node.label),
    h('div', { class: 'subtitle' }, node.relation ? h('code', {}, node.relation) : h('code', {}, node.path), headline(node), runBadge(node)));
}

/** Rows and size, the two facts an analyst asks first. */
function headline(node: SiteNode): HTMLElement | null {
  const rows = node.stats.find((stat) => stat.id === 'row_count');
  const bytes = node.stats.find((stat) => stat.id === 'bytes');
  if (!rows && !bytes) return null;
  const parts = [rows && typeof rows.value === 'number' ? `${formatCount(rows.value)} rows` : '', bytes ? formatStat('bytes', bytes.value) : ''];
  return h('span', { class: 'headline' }, parts.filter(Boolean).join(' · '));
}

/** The node's neighbourhood (two steps each way), drawn when the card is on screen. */
function lineageCard(index: DocsIndex, node: SiteNode, open: (id: string) => void): HTMLElement {
  const panel = createDagPanel(index, open, 'mini');
  const selector = node.type === 'source' ? `source:${node.sourceName}.${node.name}+` : `+${node.name}+`;
  const card = h('section', { class: 'card' },
    h('div', { class: 'card-head' }, h('h2', {}, 'Table lineage'), h('a', { class: 'button-link', href: graphHref(selector) }, `Open ${selector} in the lineage graph`)),
    panel.element);
  requestAnimationFrame(() => panel.show(neighbourhood(index, node.id, 2), { focus: node.id }));
  return card;
}
