import type { DocsIndex } from './docs-index.js';
import { h } from './dom.js';
import { statusClass } from './format.js';
import { nodeHref } from './router.js';

/** A test as a small link: its short name, coloured by its last result. */
export function testChip(index: DocsIndex, id: string): HTMLElement {
  const test = index.node(id);
  if (!test) return h('span', { class: 'chip' }, id);
  const status = test.run ? statusClass(test.run.status) : 'none';
  const title = test.run ? `${test.label}: ${test.run.status}${test.run.failures ? ` (${test.run.failures} failing rows)` : ''}` : test.label;
  return h('a', { class: `chip test-chip status-${status}`, href: nodeHref(id), title }, shortName(index, id));
}

/** `unique`, `relationships → users.user_id`, `accepted_values`, or the singular test's name. */
function shortName(index: DocsIndex, id: string): string {
  const test = index.node(id)!;
  const meta = test.test;
  if (meta?.kind === 'unit') return `unit: ${test.name}`;
  if (!meta?.testName) return test.name;
  if (meta.testName === 'relationships' && typeof meta.kwargs?.to === 'string') {
    const to = /ref\(\s*['"]([^'"]+)['"]\s*\)/.exec(meta.kwargs.to)?.[1] ?? meta.kwargs.to;
    return `relationships → ${to}.${String(meta.kwargs.field ?? '')}`;
  }
  return meta.testName;
}
