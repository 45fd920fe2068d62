/**
 * Traces: how an expression inside a model's SQL depends on columns of upstream nodes, before the
 * output column's name is known (a bare column becomes passthrough or rename only at the end).
 */

/** The context a column is read in: bare (the whole expression), inside an expression or an aggregate, or to filter/join rows. */
export type Flow = 'bare' | 'transform' | 'aggregate' | 'filter' | 'join';

/** One upstream column an expression reads, how, and the CTEs/ephemeral models on the way (outermost first). */
export interface Trace {
  node: string;
  column: string;
  flow: Flow;
  via: string[];
}

/** What an expression or output column depends on, and why that may be incomplete. */
export interface Origins {
  traces: Trace[];
  unresolved: string[];
}

/** Nothing: a constant. */
export function noOrigins(): Origins {
  return { traces: [], unresolved: [] };
}

const STRENGTH: Record<Flow, number> = { bare: 0, transform: 1, aggregate: 2, filter: 3, join: 3 };

/** Whether a flow says which rows there are rather than what a value is. */
export function isIndirect(flow: Flow): boolean {
  return flow === 'filter' || flow === 'join';
}

/**
 * The flow of a trace read in context `outer`: a filter/join context makes every trace indirect; a
 * value context keeps the stronger of the two (a bare column inside a sum is aggregated), and leaves
 * indirect traces (a scalar subquery's WHERE) as they are.
 */
export function combineFlow(outer: Flow, inner: Flow): Flow {
  if (isIndirect(outer)) return outer;
  if (isIndirect(inner)) return inner;
  return STRENGTH[outer] >= STRENGTH[inner] ? outer : inner;
}

/** The origins read in context `outer` (see combineFlow). */
export function inContext(origins: Origins, outer: Flow): Origins {
  if (outer === 'bare') return origins;
  return { traces: origins.traces.map((t) => ({ ...t, flow: combineFlow(outer, t.flow) })), unresolved: origins.unresolved };
}

/** The traces seen from outside a CTE or ephemeral model named `label`. */
export function throughLabel(traces: Trace[], label: string | undefined): Trace[] {
  return label === undefined ? traces : traces.map((t) => ({ ...t, via: [label, ...t.via] }));
}

/** Origins seen from outside a CTE or ephemeral model named `label`. */
export function originsThrough(origins: Origins, label: string | undefined): Origins {
  return label === undefined ? origins : { traces: throughLabel(origins.traces, label), unresolved: origins.unresolved };
}

/** Adds `origins`, read in context `outer`, to `out` (see combineFlow). */
export function addOrigins(out: Origins, origins: Origins, outer: Flow): void {
  for (const trace of origins.traces) {
    const flow = combineFlow(outer, trace.flow);
    out.traces.push(flow === trace.flow ? trace : { ...trace, flow });
  }
  for (const reason of origins.unresolved) out.unresolved.push(reason);
}

/** All of several origins together. */
export function mergeOrigins(list: Origins[]): Origins {
  if (list.length === 1) return list[0];
  return { traces: list.flatMap((o) => o.traces), unresolved: list.flatMap((o) => o.unresolved) };
}
