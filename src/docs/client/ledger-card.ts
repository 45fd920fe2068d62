import type { SiteNode } from '../site/site-data.js';
import { h } from './dom.js';
import { formatBytes, formatCount, formatTime } from './format.js';
import { factList } from './node-sections.js';

/** A loaded source's load ledger: what the staging table holds, by load, and its newest files. */
export function ledgerCard(node: SiteNode): HTMLElement | null {
  const ledger = node.ledger;
  if (!ledger) return null;
  const shown = ledger.recent.length < ledger.files ? `newest ${formatCount(ledger.recent.length)} of ${formatCount(ledger.files)} files` : `${formatCount(ledger.files)} files`;
  return h('section', { class: 'card ledger-card' }, h('h2', {}, 'Load ledger'), factList([
    ['Files loaded', formatCount(ledger.files)],
    ['Rows loaded', formatCount(ledger.rowsLoaded)],
    ['Rows rejected', formatCount(ledger.rowsRejected)],
    ['Last load', ledger.lastLoadedAt ? formatTime(ledger.lastLoadedAt) : undefined],
    ['Last load id', ledger.lastLoadId ? h('code', {}, ledger.lastLoadId) : undefined],
    ['Full load id', ledger.fullLoadId ? h('code', {}, ledger.fullLoadId) : undefined],
  ]), ledger.recent.length === 0 ? null : h('details', { class: 'ledger-files' }, h('summary', {}, `Files (${shown})`),
    h('table', { class: 'columns' },
      h('thead', {}, h('tr', {}, ['File', 'Size', 'Rows', 'Rejected', 'Load id', 'Loaded at'].map((title) => h('th', {}, title)))),
      h('tbody', {}, ledger.recent.map((file) => h('tr', {},
        h('td', {}, h('code', {}, file.key)), h('td', {}, formatBytes(file.size)), h('td', {}, formatCount(file.rowsLoaded)),
        h('td', {}, formatCount(file.rowsRejected)), h('td', {}, h('code', {}, file.loadId)), h('td', {}, file.loadedAt ? formatTime(file.loadedAt) : '—')))))));
}
