import type { Graph } from '../../graph/types.js';
import type { DocsIndex } from './docs-index.js';
import { DAG_TYPES } from './docs-index.js';
import { h } from './dom.js';
import { formatDiagnostic } from '../../diagnostics.js';
import type { DagPanel } from './graph-view.js';
import { graphHref } from './router.js';
import { evaluateSelector } from './selection.js';
import { TYPE_COLORS } from './theme.js';

/** The lineage graph with the selector box: `+songplays`, `tag:dimension`, `2+x`, `a,b`, `a b`. */
export function graphPage(index: DocsIndex, graph: Graph, dag: DagPanel, select: string, withTests: boolean): HTMLElement {
  const input = h('input', { type: 'text', class: 'selector', name: 'select', value: select, spellcheck: 'false', autocomplete: 'off',
    placeholder: 'Select: +songplays, tag:dimension, source:sparkify+, 2+users (empty: everything)', 'aria-label': 'Selector' });
  const tests = h('input', { type: 'checkbox', name: 'tests', checked: withTests });
  const form = h('form', { class: 'selector-form', onsubmit: (event: Event) => {
    event.preventDefault();
    location.hash = graphHref(input.value.trim(), tests.checked);
  } }, input, h('label', { class: 'check' }, tests, ' tests'), h('button', { type: 'submit' }, 'Select'));
  const info = h('div', { class: 'graph-info' });
  const page = h('article', { class: 'graph-page' }, form, info, dag.element, legend());
  const result = select ? evaluateSelector(graph, select) : { ids: graph.order.filter((id) => DAG_TYPES.has(index.node(id)!.type) || withTests) };
  if (result.problems) {
    info.classList.add('problems');
    info.append(...result.problems.map((problem) => h('pre', {}, formatDiagnostic(problem))));
    return page;
  }
  requestAnimationFrame(() => {
    const layout = dag.show(result.ids, { withTests });
    const hidden = result.ids.length - layout.nodes.length;
    info.textContent = `${layout.nodes.length} nodes, ${layout.edges.length} edges` + (hidden > 0 ? ` (${hidden} tests hidden)` : '') +
      ` · laid out by ${layout.engine === 'dagre' ? 'dagre' : 'fast layering (large graph)'} in ${Math.round(layout.ms)} ms · drawn in ${dag.canvas.lastDrawMs.toFixed(1)} ms`;
  });
  return page;
}

function legend(): HTMLElement {
  return h('div', { class: 'legend' }, ['model', 'source', 'seed', 'snapshot', 'test'].map((type) =>
    h('span', {}, h('span', { class: 'swatch', style: `background:${TYPE_COLORS[type]}` }), type)),
  h('span', { class: 'muted' }, 'Drag to pan, scroll to zoom, click a box to open it.'));
}
