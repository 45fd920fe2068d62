import { writeManifest, TARGET_DIR } from '../../run/artifacts.js';
import { describeCounts } from '../../kinds/run-order.js';
import { topologicalOrder } from '../../graph/index.js';
import { manifestDocument } from '../artifact-documents.js';
import type { GlobalOptions } from '../project-context.js';
import { loadProjectContext } from '../project-context.js';

/**
 * `sparkify parse`: reads and compiles the project and writes target/manifest.json, printing how
 * long each phase took, as `dbt parse` does. It opens no database (compile is pure).
 */
export async function parseCommand(options: GlobalOptions): Promise<number> {
  const timings: [string, number][] = [];
  const context = loadProjectContext(options, {}, { timings });
  const began = performance.now();
  writeManifest(context.root, manifestDocument(context), context.scrub);
  timings.push([`wrote ${TARGET_DIR}/manifest.json`, performance.now() - began]);
  const { graph } = context.compiled;
  context.output.line(`Parsed ${describeCounts(graph, topologicalOrder(graph))}`, { name: 'FoundStats', code: 'W006', data: { stat_line: describeCounts(graph, topologicalOrder(graph)) } });
  for (const [phase, ms] of timings) context.output.line(`  ${phase} in ${(ms / 1000).toFixed(3)}s`, { name: 'ParsePerfInfo', code: 'S002', data: { phase, elapsed: ms / 1000 } });
  const total = timings.reduce((sum, [, ms]) => sum + ms, 0);
  context.output.line(`Done in ${(total / 1000).toFixed(3)}s (no database was opened).`);
  return 0;
}
