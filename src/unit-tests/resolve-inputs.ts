/**
 * Which relations a unit test's `given` stands in for, checked against what the model's SQL reads,
 * and which relations must exist (empty) before the rows go in. Pure.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { ModelNode, SourceNode } from '../manifest/manifest.js';
import { modelId, sourceId } from '../manifest/manifest.js';
import type { TemplateFile } from '../project/project-files.js';
import type { UnitTestSpec } from '../project/unit-test-spec.js';
import type { SeedNode } from '../manifest/seed-node.js';
import { seedId } from '../manifest/seed-node.js';
import { UnitTestErrors } from './error-codes.js';
import { normalizeRows } from './normalize-rows.js';
import type { UnitTestRender } from './render-with-overrides.js';
import { unitTestLabel, type UnitTestInput } from '../manifest/unit-test-node.js';

/** The nodes a unit test may read, by id and by ref() name. */
export class RelationNodes {
  readonly byId = new Map<string, ModelNode | SourceNode | SeedNode>();

  constructor(models: readonly ModelNode[], sources: readonly SourceNode[], seeds: readonly SeedNode[]) {
    for (const node of [...models, ...sources, ...seeds]) this.byId.set(node.id, node);
  }

  model(name: string): ModelNode | undefined {
    const node = this.byId.get(modelId(name));
    return node?.kind === 'model' ? node : undefined;
  }

  /** A ref() name: a model, else a seed. */
  ref(name: string): ModelNode | SeedNode | undefined {
    return this.model(name) ?? (this.byId.get(seedId(name)) as SeedNode | undefined);
  }
}

const REF = /^ref\(\s*(['"])([^'"]+)\1\s*\)$/;
const SOURCE = /^source\(\s*(['"])([^'"]+)\1\s*,\s*(['"])([^'"]+)\3\s*\)$/;

/** The `given` entries as inputs; undefined when one is wrong (reported). */
export function resolveInputs(
  spec: UnitTestSpec, model: ModelNode, render: UnitTestRender, nodes: RelationNodes,
  fixtures: readonly TemplateFile[], report: (d: Diagnostic) => void,
): UnitTestInput[] | undefined {
  const label = unitTestLabel(spec);
  const reads = readIds(render, nodes);
  const inputs: UnitTestInput[] = [];
  let ok = true;
  for (const given of spec.given) {
    const fail = (message: string, hint: string) => {
      report({ code: UnitTestErrors.badInput, message: `input ${given.input} of unit test ${label}: ${message}`, location: given.inputAt, hint });
      ok = false;
    };
    const nodeId = inputNodeId(given.input.trim(), model, nodes);
    if (nodeId === undefined) {
      fail("expected ref('model'), source('source', 'table') or this", "e.g. input: ref('users'), or input: source('sparkify', 'staging_events')");
      continue;
    }
    const isThis = nodeId === model.id;
    if (isThis ? !render.usesThis : !reads.has(nodeId)) {
      fail(isThis ? `model '${model.name}' does not read {{ this }} in this test` : `model '${model.name}' does not read it`,
        isThis ? 'this is read by the incremental branch: add overrides: {macros: {is_incremental: true}}' : `the model reads: ${describeReads(reads, nodes) || 'nothing'}`);
      continue;
    }
    if (inputs.some((i) => i.nodeId === nodeId)) {
      fail('it is given twice', 'merge the rows into one entry');
      continue;
    }
    const rows = normalizeRows(given, `input ${given.input} of unit test ${label}`, fixtures, report);
    if (!rows) {
      ok = false;
      continue;
    }
    const node = nodes.byId.get(nodeId)!;
    inputs.push({ input: given.input, nodeId, relation: node.relation, line: given.inputAt.line, given: rows });
  }
  return ok ? inputs : undefined;
}

/** `ref('x')` → its model or seed id, `source('s', 't')` → the source id, `this` → the model's id. */
function inputNodeId(input: string, model: ModelNode, nodes: RelationNodes): string | undefined {
  if (input === 'this') return model.id;
  const ref = REF.exec(input);
  if (ref) return nodes.ref(ref[2])?.id ?? `model.${ref[2]}`;
  const source = SOURCE.exec(input);
  return source ? sourceId(source[2], source[4]) : undefined;
}

/** What the rendered SQL reads: its refs and sources, and those of the ephemeral models it inlines. */
function readIds(render: UnitTestRender, nodes: RelationNodes): Set<string> {
  const reads = new Set<string>();
  const visit = (refs: string[], sources: [string, string][]) => {
    for (const [s, t] of sources) reads.add(sourceId(s, t));
    for (const name of refs) {
      const node = nodes.ref(name);
      if (!node || reads.has(node.id)) continue;
      if (node.kind === 'model' && node.config.materialized === 'ephemeral') visit(node.refs, node.sources);
      else reads.add(node.id);
    }
  };
  visit(render.refs, render.sources);
  return reads;
}

function describeReads(reads: Set<string>, nodes: RelationNodes): string {
  return [...reads].sort().map((id) => {
    const node = nodes.byId.get(id)!;
    return node.kind === 'source' ? `source('${node.sourceName}', '${node.name}')` : `ref('${node.name}')`;
  }).join(', ');
}

/**
 * The relations to create empty, parents first: every ancestor of what the SQL reads (a model is
 * created from its own SQL, which needs its parents), and the model itself when it reads `this`.
 * Ephemeral models are inlined, so only their parents are created.
 */
export function fixtureIds(model: ModelNode, render: UnitTestRender, nodes: RelationNodes): string[] {
  const order: string[] = [];
  const seen = new Set<string>();
  const visit = (id: string) => {
    if (seen.has(id)) return;
    seen.add(id);
    const node = nodes.byId.get(id);
    if (!node) return;
    if (node.kind === 'model') for (const parent of [...node.dependsOn].sort()) visit(parent);
    if (node.kind !== 'model' || node.config.materialized !== 'ephemeral') order.push(id);
  };
  const direct = [...render.sources.map(([s, t]) => sourceId(s, t)), ...render.refs.flatMap((name) => nodes.ref(name)?.id ?? [])];
  for (const id of direct.sort()) visit(id);
  if (render.usesThis) visit(model.id);
  return order;
}
