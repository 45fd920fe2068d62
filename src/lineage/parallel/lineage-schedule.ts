/**
 * Which nodes can be resolved next: a node is ready once every node whose shape it reads is done.
 * What a node reads is its dependsOn, seen through ephemeral models (their SQL is inlined, so their
 * own inputs are read); a worker that finds more (hand-written relation names) makes it wait for those.
 */
import { resolutionOrder } from '../resolution-order.js';
import type { LineageInput, LineageInputNode } from '../types.js';

/** The readiness bookkeeping of computeLineageParallel. */
export class LineageSchedule {
  private readonly inputs = new Map<string, Set<string>>();
  private readonly pending = new Map<string, number>();
  private readonly dependents = new Map<string, string[]>();
  private readonly done = new Set<string>();
  private readonly ready: string[] = [];
  private head = 0;

  constructor(input: LineageInput) {
    const byId = new Map(input.nodes.map((n) => [n.id, n]));
    for (const id of resolutionOrder(input.nodes)) {
      const node = byId.get(id)!;
      if (node.sql === undefined) continue;
      this.inputs.set(id, shapeInputs(node, byId));
      this.waitFor(id, [...this.inputs.get(id)!]);
    }
  }

  /** The nodes whose shapes `id` reads. */
  inputsOf(id: string): string[] {
    return [...(this.inputs.get(id) ?? [])];
  }

  /** The next ready node, if any. */
  next(): string | undefined {
    return this.head < this.ready.length ? this.ready[this.head++] : undefined;
  }

  /** Records resolved nodes; those waiting only for them become ready. */
  markDone(ids: string[]): void {
    for (const id of ids) {
      this.done.add(id);
      for (const dependent of this.dependents.get(id) ?? []) {
        const left = this.pending.get(dependent)! - 1;
        this.pending.set(dependent, left);
        if (left === 0) this.ready.push(dependent);
      }
    }
  }

  /** A node turned out to read `needs` too; false when it can never run (it reads itself, or an unknown node). */
  wait(id: string, needs: string[]): boolean {
    if (needs.some((need) => need === id || !this.inputs.has(need) && !this.done.has(need))) return false;
    for (const need of needs) this.inputs.get(id)!.add(need);
    this.waitFor(id, needs);
    return true;
  }

  private waitFor(id: string, inputs: string[]): void {
    const open = inputs.filter((input) => !this.done.has(input));
    this.pending.set(id, open.length);
    for (const input of open) this.dependents.set(input, [...(this.dependents.get(input) ?? []), id]);
    if (open.length === 0) this.ready.push(id);
  }
}

/** A node's dependsOn, with each ephemeral model replaced by what it reads (transitively). */
function shapeInputs(node: LineageInputNode, byId: Map<string, LineageInputNode>): Set<string> {
  const inputs = new Set<string>();
  const seen = new Set<string>();
  const stack = [...(node.dependsOn ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    const dependency = byId.get(id);
    if (seen.has(id) || !dependency || id === node.id) continue;
    seen.add(id);
    if (dependency.inlinedAs !== undefined) stack.push(...(dependency.dependsOn ?? []));
    else inputs.add(id);
  }
  return inputs;
}
