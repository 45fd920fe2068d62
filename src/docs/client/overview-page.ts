import type { DocsIndex } from './docs-index.js';
import { DAG_TYPES } from './docs-index.js';
import { h } from './dom.js';
import { formatCount, formatSeconds, formatTime, statusClass } from './format.js';
import { neighbourhood, type DagPanel } from './graph-view.js';
import { DAGRE_MAX_NODES } from './graph-layout.js';
import type { SiteNode } from '../site/site-data.js';
import { graphHref, nodeHref } from './router.js';

const NOUNS: [string, string][] = [['model', 'Models'], ['source', 'Sources'], ['seed', 'Seeds'], ['snapshot', 'Snapshots'], ['test', 'Data tests'], ['unit_test', 'Unit tests'], ['macro', 'Macros']];

/** The landing page: what the project holds, how the last run went, and the whole DAG. */
export function overviewPage(index: DocsIndex, dag: DagPanel): HTMLElement {
  const { data } = index;
  const count = (type: string) => data.nodes.filter((node) => node.type === type).length;
  const page = h('article', { class: 'overview' },
    h('header', { class: 'node-header' },
      h('div', { class: 'eyebrow' }, h('span', { class: 'badge plain' }, 'project')),
      h('h1', {}, data.project.name || 'Project'),
      h('div', { class: 'subtitle' }, `Generated ${formatTime(data.project.generatedAt)}`, data.project.adapterType ? ` · ${data.project.adapterType}` : '')),
    h('div', { class: 'stat-cards' }, NOUNS.filter(([type]) => count(type) > 0).map(([type, noun]) =>
      h('div', { class: `stat-card type-${type}` }, h('div', { class: 'stat-value' }, formatCount(count(type))), h('div', { class: 'stat-label' }, noun)))),
    runSummary(index),
    data.notices.length > 0 ? h('section', { class: 'card notices' }, h('h2', {}, 'Notices'), h('ul', {}, data.notices.map((n) => h('li', {}, n)))) : null,
    h('section', { class: 'card' },
      h('div', { class: 'card-head' }, h('h2', {}, 'Table lineage'), h('a', { class: 'button-link', href: graphHref('') }, 'Open the lineage graph with a selector')),
      lineageNote(index), dag.element));
  requestAnimationFrame(() => showDefault(index, dag));
  return page;
}

/** The whole DAG when it is small enough to read; else the neighbourhood of its busiest model. */
function showDefault(index: DocsIndex, dag: DagPanel): void {
  const all = index.data.nodes.filter((node) => DAG_TYPES.has(node.type));
  if (all.length <= DAGRE_MAX_NODES) return void dag.show(all.map((node) => node.id));
  const hub = busiest(all);
  dag.show(neighbourhood(index, hub.id, 1), { focus: hub.id });
}

function lineageNote(index: DocsIndex): HTMLElement | null {
  const all = index.data.nodes.filter((node) => DAG_TYPES.has(node.type));
  if (all.length <= DAGRE_MAX_NODES) return null;
  const hub = busiest(all);
  return h('p', { class: 'muted lineage-note' }, `${formatCount(all.length)} nodes are too many to read at once: this shows `,
    h('a', { href: nodeHref(hub.id) }, hub.label), ` (the most connected) and its neighbours. `,
    h('a', { href: graphHref(`1+${hub.name}+1`) }, 'Select another part'), ' or ', h('a', { href: graphHref('') }, `see all ${formatCount(all.length)}`), '.');
}

/** The model with the most direct neighbours (sources are left out: each feeds hundreds). */
function busiest(all: SiteNode[]): SiteNode {
  const models = all.filter((node) => node.type === 'model');
  const nodes = models.length > 0 ? models : all;
  return nodes.reduce((best, node) => (node.parents.length + node.children.length > best.parents.length + best.children.length ? node : best));
}

/** The last run in numbers, and what failed in it. */
function runSummary(index: DocsIndex): HTMLElement | null {
  const { run } = index.data;
  if (!run) return h('section', { class: 'card' }, h('h2', {}, 'Last run'), h('p', { class: 'muted' }, 'No run_results.json: run sparkify build, then docs generate.'));
  const ran = index.data.nodes.filter((node) => node.run);
  const by = (kind: string) => ran.filter((node) => statusClass(node.run!.status) === kind);
  const failed = [...by('error'), ...by('warn')];
  return h('section', { class: 'card' }, h('h2', {}, 'Last run'),
    h('p', { class: 'run-line' }, `${formatTime(run.generatedAt)} · ${formatCount(ran.length)} nodes in ${formatSeconds(run.elapsedTime)} · `,
      h('span', { class: 'run status-ok' }, h('span', { class: 'dot' }), `${by('ok').length} ok`), ' ',
      h('span', { class: 'run status-warn' }, h('span', { class: 'dot' }), `${by('warn').length} warn`), ' ',
      h('span', { class: 'run status-error' }, h('span', { class: 'dot' }), `${by('error').length} error`), ' ',
      h('span', { class: 'run status-skip' }, h('span', { class: 'dot' }), `${by('skip').length} skipped`)),
    failed.length > 0 ? h('ul', { class: 'links' }, failed.map((node) => h('li', {}, h('a', { href: nodeHref(node.id) }, node.label), ` — ${node.run!.status}: ${node.run!.message ?? ''}`))) : null);
}
