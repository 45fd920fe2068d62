/**
 * The compile phase in-process, one project, one fresh process: times loadProject (project.yml
 * and sources.yml), readProjectFiles (reading every .sql), compileProject (render, refs, graph,
 * manifest), planNodes for every node, selectNodes of `--select` when given (what `ls --select`
 * adds), then compileProject once more now that the code is warm.
 * Usage: node dist/bench/compile/case-compile.js --project-dir bench/out/project-1000 [--select tag:finance+]
 */

import { resolve } from 'node:path';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { selectNodes, topologicalOrder } from '../../src/graph/index.js';
import { dialectFor } from '../../src/engines/registry.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { loadProject } from '../../src/project/index.js';
import { reportCase, startClock } from '../lib/runs.js';
import { caseArgs } from '../lib/args.js';

/** Runs `work` and returns its result with the wall and CPU milliseconds it took. */
function timed<T>(work: () => T): [T, number, number] {
  const stop = startClock();
  const result = work();
  const { ms, cpuMs } = stop();
  return [result, ms, cpuMs];
}

const args = caseArgs(process.argv.slice(2));
const root = resolve(args['project-dir']);
const [project, loadMs] = timed(() => loadProject(root, { env: process.env }));
const { modelPaths, macroPaths } = project.config;
const [files, readMs, readCpuMs] = timed(() => readProjectFiles(root, modelPaths, macroPaths));
const [compiled, compileMs, compileCpuMs] = timed(() => compileProject({ project, files, env: process.env }));
const [plans, planMs] = timed(() => planNodes(compiled.manifest, topologicalOrder(compiled.graph), dialectFor(project.target)));
const [, selectMs] = args.select ? timed(() => selectNodes(compiled.graph, [args.select], undefined)) : [undefined, NaN];
const [, warmCompileMs] = timed(() => compileProject({ project, files, env: process.env }));

reportCase({
  ms: readMs + compileMs, cpuMs: readCpuMs + compileCpuMs, loadMs, readMs, compileMs, planMs, warmCompileMs, ...(args.select ? { selectMs } : {}),
  models: files.models.length, nodes: plans.length,
});
