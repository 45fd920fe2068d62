import type { ManifestNode } from '../../manifest/manifest.js';
import { fail } from '../../diagnostics.js';
import { kindOf } from '../../kinds/registry.js';
import { CliErrors } from '../error-codes.js';
import type { GlobalOptions, SelectionOptions } from '../project-context.js';
import { loadProjectContext, selectedIds } from '../project-context.js';
import { unitTestsBeforeModels } from '../../unit-tests/unit-test-order.js';

/** Options of `sparkify ls`. */
export interface LsOptions extends GlobalOptions, SelectionOptions {
  output?: string;
}

/** `sparkify ls`: the selected nodes in build order. */
export async function lsCommand(options: LsOptions): Promise<number> {
  const context = loadProjectContext(options);
  // Each unit test right before its model, where build runs it (the DAG puts it after: its parent is the model).
  const ids = unitTestsBeforeModels(context.compiled.graph, selectedIds(context, options));
  const nodes = ids.map((id) => context.compiled.manifest.nodes[id]);
  const format = options.output ?? 'name';
  if (format === 'json') {
    for (const node of nodes) context.output.raw(JSON.stringify(describe(node)) + '\n');
  } else if (format === 'path') {
    for (const node of nodes) context.output.raw(`${node.path}\n`);
  } else if (format === 'name') {
    for (const node of nodes) context.output.raw(`${selectorOf(node)}\n`);
  } else {
    fail(CliErrors.unknownOutput, `unknown --output '${format}'`, undefined, 'use name, path or json');
  }
  return 0;
}

/** The selector that picks exactly this node. */
function selectorOf(node: ManifestNode): string {
  return kindOf(node).selector(node);
}

function describe(node: ManifestNode) {
  const kind = kindOf(node);
  const graphNode = kind.graphNode(node);
  const relation = 'relation' in node && kind.reportsAs === 'build' ? node.relation : undefined;
  return {
    id: node.id,
    kind: node.kind,
    name: node.name,
    path: node.path,
    relation: relation ? `${relation.schema}.${relation.identifier}` : null,
    materialized: graphNode.materialized ?? node.kind,
    tags: graphNode.tags,
  };
}
