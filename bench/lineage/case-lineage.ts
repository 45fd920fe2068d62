/**
 * Column lineage of one generated project, in one fresh process: compiles it (timed, the baseline
 * every `docs generate` pays), then runs one mode, timed:
 * - `sequential`: computeLineage (parse and resolve every model in this thread);
 * - `parallel`: computeLineageParallel on `--threads` worker threads (default 2);
 * - `parse`: only parse every model's SQL (the parser's share of the sequential time).
 * Usage: node dist/bench/lineage/case-lineage.js --project-dir bench/out/project-10000 --mode sequential
 */
import { resolve } from 'node:path';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/compile/project-files.js';
import { computeLineage, computeLineageParallel, lineageInputFromManifest } from '../../src/lineage/index.js';
import { parseSelect } from '../../src/lineage/parse-sql.js';
import { loadProject } from '../../src/project/index.js';
import { caseArgs } from '../lib/args.js';
import { reportCase, startClock } from '../lib/runs.js';

const args = caseArgs(process.argv.slice(2));
const root = resolve(args['project-dir']);
const mode = args.mode ?? 'sequential';

const compileClock = startClock();
const project = loadProject(root, { env: process.env });
const files = readProjectFiles(root, project.config.modelPaths, project.config.macroPaths);
const { manifest } = compileProject({ project, files, env: process.env });
const compiled = compileClock();

const clock = startClock();
const input = lineageInputFromManifest(manifest);
let columns = 0;
if (mode === 'parse') {
  for (const node of input.nodes) if (node.sql !== undefined) parseSelect(node.sql);
} else {
  const lineage = mode === 'parallel' ? await computeLineageParallel(input, { threads: Number(args.threads ?? 2) }) : computeLineage(input);
  columns = Object.values(lineage).reduce((sum, node) => sum + node.columns.length, 0);
}
const measured = clock();

reportCase({ ...measured, compileMs: compiled.ms, compileCpuMs: compiled.cpuMs, nodes: input.nodes.length, columns });
