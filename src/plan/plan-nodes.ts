import type { Manifest, ManifestNode } from '../compile/manifest.js';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import type { Dialect } from './dialect.js';
import type { PlanOptions } from './plan-model.js';
import { buildContext, planModel } from './plan-model.js';
import { planSeed } from './plan-seed.js';
import { planSnapshot } from './plan-snapshot.js';
import { planTest } from './plan-test.js';
import type { NodePlan } from './types.js';
import { planUnitTest } from '../unit-tests/plan-unit-test.js';

/**
 * The pure plan phase: the statements that build each selected node, in the given order. A node the
 * dialect cannot build (a local source on Redshift) is a diagnostic; all of them are thrown together.
 */
export function planNodes(manifest: Manifest, orderedIds: string[], dialect: Dialect, options: PlanOptions = {}): NodePlan[] {
  const problems: Diagnostic[] = [];
  const plans = orderedIds.flatMap((id) => {
    try {
      return [planNode(manifest.nodes[id], dialect, options, manifest)];
    } catch (error) {
      if (!(error instanceof SparkifyError)) throw error;
      problems.push(...error.diagnostics);
      return [];
    }
  });
  if (problems.length > 0) throw new SparkifyError(problems);
  return plans;
}

function planNode(node: ManifestNode, dialect: Dialect, options: PlanOptions, manifest: Manifest): NodePlan {
  if (node.kind === 'source') {
    return {
      id: node.id,
      description: `source ${node.sourceName}.${node.name}`,
      path: node.path,
      runPath: `sources/${node.sourceName}/${node.name}.sql`,
      statements: dialect.loadSource(node, buildContext(node, options)),
    };
  }
  if (node.kind === 'test') return planTest(node);
  // Whatever the target: a unit test runs in an in-memory PGlite (the relations it creates come from the manifest).
  if (node.kind === 'unit_test') return planUnitTest(node, manifest);
  if (node.kind === 'seed') return planSeed(node, dialect, options);
  if (node.kind === 'snapshot') return planSnapshot(node, dialect, options);
  return planModel(node, dialect, options);
}

/** The text `compile` writes and prints for a plan: each statement followed by `;` and a blank line. */
export function renderPlan(plan: NodePlan): string {
  return plan.statements.map((s) => `${s.sql};\n`).join('\n');
}
