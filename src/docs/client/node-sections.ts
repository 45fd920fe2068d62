import type { SiteNode } from '../site/site-data.js';
import { DAG_TYPES, type DocsIndex } from './docs-index.js';
import { h } from './dom.js';
import { formatCount, formatSeconds, formatStat, formatTime, statusClass } from './format.js';
import { nodeHref } from './router.js';
import { testChip } from './test-chip.js';

/** The last run: status, duration, message and when. */
export function runBadge(node: SiteNode): HTMLElement | null {
  const run = node.run;
  if (!run) return null;
  return h('span', { class: `run status-${statusClass(run.status)}`, title: run.completedAt ? `finished ${formatTime(run.completedAt)}` : undefined },
    h('span', { class: 'dot' }), run.status, ` · ${formatSeconds(run.executionTime)}`, run.message ? ` · ${run.message}` : '',
    run.failures ? ` · ${formatCount(run.failures)} failing rows` : '');
}

/** A key–value list of facts; entries with no value are left out. */
export function factList(entries: [string, string | HTMLElement | null | undefined][]): HTMLElement {
  return h('dl', { class: 'facts-list' }, entries.filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => [h('dt', {}, key), h('dd', {}, value!)]));
}

/** Relation, materialization, catalog stats, owner, file, id. */
export function detailsCard(node: SiteNode): HTMLElement {
  return h('section', { class: 'card' }, h('h2', {}, 'Details'), factList([
    ['Relation', node.relation ? h('code', {}, node.relation) : undefined],
    ['Materialized', node.materialized],
    ...node.stats.map((stat) => [stat.label, formatStat(stat.id, stat.value)] as [string, string]),
    ['Owner', node.owner],
    ['File', h('code', {}, node.path)],
    ['Unique id', h('code', {}, node.id)],
  ]));
}

/** A loaded source: where it loads from, its JSONPaths and its last load. */
export function loadCard(node: SiteNode): HTMLElement | null {
  const load = node.load;
  if (!load) return null;
  const last = load.lastLoad;
  return h('section', { class: 'card load-card' }, h('h2', {}, 'Loading'), factList([
    ['Location', h('code', {}, load.location)],
    ['JSONPaths', h('code', {}, load.jsonpaths)],
    // The last run's load, beside the ledger's own "Last load" (the newest file, perhaps older runs).
    ['Last run', last?.loadedAt ? formatTime(last.loadedAt) : node.ledger ? 'read no new file (see the load ledger)' : 'not loaded by the last run'],
    ['Files', last?.files !== undefined ? formatCount(last.files) : undefined],
    ['Rows loaded', last?.rows !== undefined ? formatCount(last.rows) : undefined],
    ['Rejected records', last?.rejected !== undefined ? formatCount(last.rejected) : undefined],
  ]));
}

/** Tests on the node itself (column tests are in the columns table). */
export function testsCard(index: DocsIndex, node: SiteNode): HTMLElement | null {
  const columnTests = node.columns.flatMap((column) => column.tests.map((id) => [column.name, id] as const));
  if (node.tests.length === 0 && columnTests.length === 0) return null;
  return h('section', { class: 'card' }, h('h2', {}, `Tests (${node.tests.length + columnTests.length})`),
    h('ul', { class: 'test-list' },
      columnTests.map(([column, id]) => h('li', {}, testChip(index, id), ' on ', h('code', {}, column))),
      node.tests.map((id) => h('li', {}, testChip(index, id)))));
}

/** What a test tests, with its arguments. */
export function testCard(index: DocsIndex, node: SiteNode): HTMLElement | null {
  const test = node.test;
  if (!test) return null;
  const attached = test.attachedNode ? index.node(test.attachedNode) : undefined;
  return h('section', { class: 'card' }, h('h2', {}, 'What it tests'), factList([
    ['Kind', test.kind === 'generic' ? `generic test ${test.testName ?? ''}` : test.kind === 'unit' ? 'unit test' : 'singular test'],
    ['On', attached ? h('a', { href: nodeHref(attached.id, test.column) }, attached.label + (test.column ? `.${test.column}` : '')) : undefined],
    ['Arguments', test.kwargs && Object.keys(test.kwargs).length > 0 ? h('code', {}, JSON.stringify(test.kwargs)) : undefined],
    ['Severity', test.severity],
  ]));
}

/** Links to the direct parents and children. */
export function neighboursCard(index: DocsIndex, node: SiteNode): HTMLElement | null {
  const list = (ids: string[]) => h('ul', { class: 'links' }, ids.map((id) => {
    const other = index.node(id);
    return h('li', {}, other ? h('a', { href: nodeHref(id) }, h('span', { class: `badge type-${other.type}` }, other.type), ' ', other.label) : id);
  }));
  // Tests that read the node are listed under Tests; here only what it is built from and feeds.
  const children = node.children.filter((id) => DAG_TYPES.has(index.node(id)?.type ?? ''));
  if (node.parents.length === 0 && children.length === 0) return null;
  return h('section', { class: 'card' }, h('h2', {}, 'Depends on / Referenced by'),
    h('div', { class: 'two-columns' },
      h('div', {}, h('h3', {}, `Depends on (${node.parents.length})`), list(node.parents)),
      h('div', {}, h('h3', {}, `Referenced by (${children.length})`), list(children))));
}
