import type { DocsIndex } from './docs-index.js';
import { DAG_TYPES } from './docs-index.js';
import { h } from './dom.js';
import { GraphCanvas } from './graph-canvas.js';
import { layoutGraph, type GraphLayout } from './graph-layout.js';
import { statusClass } from './format.js';

/** A DAG panel: a canvas plus what it currently shows. */
export interface DagPanel {
  element: HTMLElement;
  canvas: GraphCanvas;
  /** Lays out and draws these node ids (non-DAG types are dropped unless `withTests`). */
  show(ids: Iterable<string>, options?: { focus?: string; withTests?: boolean }): GraphLayout;
}

/** Creates a DAG panel whose boxes open their node. */
export function createDagPanel(index: DocsIndex, open: (id: string) => void, className: string): DagPanel {
  const element = h('div', { class: `dag ${className}` });
  const canvas = new GraphCanvas(element, (id) => {
    const node = index.node(id)!;
    return { type: node.type, status: node.run ? statusClass(node.run.status) : undefined };
  }, open);
  const zoom = (factor: number) => () => canvas.controls.zoom(factor);
  element.appendChild(h('div', { class: 'dag-buttons' },
    h('button', { type: 'button', title: 'Zoom in', 'aria-label': 'Zoom in', onclick: zoom(1.25) }, '+'),
    h('button', { type: 'button', title: 'Zoom out', 'aria-label': 'Zoom out', onclick: zoom(0.8) }, '−'),
    h('button', { type: 'button', title: 'Fit to view', 'aria-label': 'Fit to view', onclick: () => canvas.fit() }, '⤢')));
  return {
    element, canvas,
    show(ids, options = {}) {
      const keep = new Set([...ids].filter((id) => {
        const type = index.node(id)?.type;
        return type !== undefined && (DAG_TYPES.has(type) || (options.withTests === true && (type === 'test' || type === 'unit_test')));
      }));
      const nodes = [...keep].map((id) => ({ id, label: index.node(id)!.label }));
      const edges: [string, string][] = [];
      for (const id of keep) for (const parent of index.node(id)!.parents) if (keep.has(parent)) edges.push([parent, id]);
      const layout = layoutGraph(nodes, edges);
      canvas.show(layout, options.focus);
      element.dataset.nodes = String(nodes.length);
      element.dataset.layout = layout.engine;
      element.dataset.layoutMs = layout.ms.toFixed(1);
      canvas.canvas.setAttribute('role', 'img');
      canvas.canvas.setAttribute('aria-label', `Table lineage: ${nodes.length} nodes, ${edges.length} edges. Each node has a page in the project tree.`);
      return layout;
    },
  };
}

/** The ids within `depth` steps up and down of a node, over DAG types: a node page's neighbourhood. */
export function neighbourhood(index: DocsIndex, id: string, depth: number): Set<string> {
  const found = new Set([id]);
  for (const direction of ['parents', 'children'] as const) {
    let frontier = [id];
    for (let step = 0; step < depth; step++) {
      frontier = frontier.flatMap((at) => index.node(at)?.[direction] ?? []).filter((next) => {
        if (found.has(next) || !DAG_TYPES.has(index.node(next)?.type ?? '')) return false;
        found.add(next);
        return true;
      });
    }
  }
  return found;
}
