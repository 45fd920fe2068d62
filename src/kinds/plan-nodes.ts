import type { Manifest } from '../manifest/manifest.js';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import type { Dialect } from '../plan/dialect.js';
import type { PlanOptions } from '../plan/plan-model.js';
import type { NodePlan } from './node-plan.js';
import { kindOf } from './registry.js';

/**
 * The pure plan phase: the statements that build each selected node, in the given order, as its
 * kind plans it. A node the dialect cannot build (a local source on Redshift) is a diagnostic; all of
 * them are thrown together.
 */
export function planNodes(manifest: Manifest, orderedIds: string[], dialect: Dialect, options: PlanOptions = {}): NodePlan[] {
  const problems: Diagnostic[] = [];
  const plans = orderedIds.flatMap((id) => {
    const node = manifest.nodes[id];
    try {
      return [kindOf(node).plan(node, dialect, options, manifest)];
    } catch (error) {
      if (!(error instanceof SparkifyError)) throw error;
      problems.push(...error.diagnostics);
      return [];
    }
  });
  if (problems.length > 0) throw new SparkifyError(problems);
  return plans;
}
