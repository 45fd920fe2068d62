import { createScrubber } from '../output.js';
import { findProjectRoot, type GlobalOptions } from '../project-context.js';
import { formatCheck, skipped, type CheckResult } from '../debug/check.js';
import { checkConnection } from '../debug/check-connection.js';
import { checkModels, checkProjectFiles } from '../debug/check-project.js';
import { checkSources } from '../debug/check-sources.js';
import { checkLedgers } from '../debug/check-ledgers.js';

/**
 * `sparkify debug`: checks the project files, the target's connection and every source location,
 * one line each. Exit 0 when nothing failed (a check that cannot run here is SKIP), 1 otherwise.
 */
export async function debugCommand(options: GlobalOptions): Promise<number> {
  const root = findProjectRoot(options.projectDir);
  const { result, project } = checkProjectFiles(root, options);
  const scrub = createScrubber(project?.secrets ?? []);
  const print = (check: CheckResult) => process.stdout.write(scrub(formatCheck(check)));
  process.stdout.write(scrub(`sparkify debug: project ${root}${project ? `, target ${project.target.name} (${project.target.type})` : ''}\n`));
  const results = [result];
  print(result);
  const later = project
    ? [() => checkModels(options), () => checkConnection(root, project.target), () => checkSources(root, project), () => checkLedgers(options, root, project)]
    : [() => skipped('models, connection and sources', 'the project files have problems')];
  for (const check of later) {
    for (const found of [await check()].flat()) {
      results.push(found);
      print(found);
    }
  }
  const failures = results.filter((check) => check.status === 'FAIL').length;
  const skips = results.filter((check) => check.status === 'SKIP').length;
  const notChecked = skips > 0 ? ` (${skips} not checked)` : '';
  process.stdout.write(failures === 0
    ? `All ${results.length - skips} checks passed${notChecked}.\n`
    : `${failures} of ${results.length} checks failed${notChecked}.\n`);
  return failures === 0 ? 0 : 1;
}
