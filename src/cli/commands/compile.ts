import { renderPlan } from '../../plan/plan-nodes.js';
import { writeCompiledFiles, writeManifest, writeRunResults } from '../../run/artifacts.js';
import type { GlobalOptions, SelectionOptions } from '../project-context.js';
import { loadProjectContext, planFor, selectedIds } from '../project-context.js';
import { runResultsDocument } from '../run-summary.js';

/** `sparkify compile`: renders everything, writes target/, prints the selected plans for review. */
export async function compileCommand(options: GlobalOptions & SelectionOptions): Promise<number> {
  const started = Date.now();
  const context = loadProjectContext(options);
  const { root, compiled, scrub, output } = context;
  const all = planFor(context, selectedIds(context, {}));
  writeManifest(root, compiled.manifest, scrub);
  writeCompiledFiles(root, compiled.manifest, all, scrub);
  const hasSelection = Boolean(options.select?.length || options.exclude?.length);
  const ids = hasSelection ? selectedIds(context, options) : [];
  if (hasSelection) {
    const byId = new Map(all.map((p) => [p.id, p]));
    for (const id of ids) {
      const plan = byId.get(id)!;
      output.raw(`-- ${plan.id} (${plan.path}): ${plan.description}\n${renderPlan(plan)}\n`);
    }
  } else {
    const counts = countKinds(Object.values(compiled.manifest.nodes).map((n) => n.kind));
    output.line(`Compiled ${counts} into target/ (manifest.json, compiled/, run/)`);
  }
  writeRunResults(root, runResultsDocument('compile', context, [], started), scrub);
  return 0;
}

function countKinds(kinds: string[]): string {
  const sources = kinds.filter((k) => k === 'source').length;
  const models = kinds.filter((k) => k === 'model').length;
  return `${models} model${models === 1 ? '' : 's'} and ${sources} source${sources === 1 ? '' : 's'}`;
}
