/**
 * Column lineage of one generated project, in one fresh process: compiles it (timed, the baseline
 * every `docs generate` pays), then runs one mode, timed:
 * - `sequential`: computeLineage (parse and resolve every model in this thread);
 * - `parallel`: computeLineageParallel on `--threads` worker threads (default 2);
 * - `parse`: only parse every model's SQL (the parser's share of the sequential time);
 * - `cached`: read `--cache FILE` (JSON, from an earlier run), then computeLineage with it: every
 *   node unchanged, as in a `docs generate` after a build that changed nothing;
 * - `prime`: computeLineage with an empty cache, written to `--cache FILE` after the clock stops.
 * Usage: node dist/bench/lineage/case-lineage.js --project-dir bench/out/project-10000 --mode sequential
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { computeLineage, computeLineageParallel, emptyLineageCache, lineageInputFromManifest } from '../../src/lineage/index.js';
import type { LineageCache, ProjectLineage } from '../../src/lineage/index.js';
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
let lineage: ProjectLineage | undefined;
const cache: LineageCache = mode === 'cached' ? JSON.parse(readFileSync(args.cache, 'utf8')) : emptyLineageCache();
if (mode === 'parse') {
  for (const node of input.nodes) if (node.sql !== undefined) parseSelect(node.sql);
} else if (mode === 'parallel') {
  lineage = await computeLineageParallel(input, { threads: Number(args.threads ?? 2) });
} else {
  lineage = computeLineage(input, mode === 'sequential' ? {} : { cache });
}
const measured = clock();
if (mode === 'prime') writeFileSync(args.cache, JSON.stringify(cache));
const columns = Object.values(lineage ?? {}).reduce((sum, node) => sum + node.columns.length, 0);

reportCase({ ...measured, compileMs: compiled.ms, compileCpuMs: compiled.cpuMs, nodes: input.nodes.length, columns });
