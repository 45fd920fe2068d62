/** The order nodes are resolved in: every node after the nodes it depends on, ties by id. */
import type { LineageInputNode } from './types.js';

/**
 * Node ids, dependencies first (an iterative depth-first walk: a 10,000-model chain must not
 * overflow the stack). Unknown dependencies are skipped; a cycle is cut where it is found.
 */
export function resolutionOrder(nodes: LineageInputNode[]): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const order: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  for (const root of [...byId.keys()].sort()) {
    const stack: Array<{ id: string; next: number; deps: string[] }> = [];
    const push = (id: string) => {
      if (state.has(id) || !byId.has(id)) return;
      state.set(id, 'open');
      stack.push({ id, next: 0, deps: [...(byId.get(id)!.dependsOn ?? [])].sort() });
    };
    push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (top.next < top.deps.length) push(top.deps[top.next++]);
      else {
        stack.pop();
        state.set(top.id, 'done');
        order.push(top.id);
      }
    }
  }
  return order;
}
