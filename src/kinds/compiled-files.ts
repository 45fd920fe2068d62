/** Writing target/compiled/ and target/run/: what each node's kind compiles, and every plan. */
import type { Manifest } from '../manifest/manifest.js';
import { renderPlan } from '../plan/render-plan.js';
import type { PlanBase } from '../plan/types.js';
import { compiledPath, runPath, TARGET_DIR } from '../run/artifacts.js';
import { syncOwnedFiles, type OwnedFile } from '../run/target-files.js';
import { kindOf } from './registry.js';

/**
 * Writes each node's compiled SQL (`target/compiled/<path>`) and each plan (`target/run/<path>`),
 * skipping files whose content is unchanged, and removes the files of nodes that no longer exist.
 * Returns the files target/files.json now lists, and itself, relative to the target folder.
 */
export function writeCompiledFiles(root: string, manifest: Manifest, plans: PlanBase[], scrub: (t: string) => string): string[] {
  const files: OwnedFile[] = [];
  const add = (path: string, owner: string, text: string) => files.push({ path, owner, text: scrub(text) });
  for (const node of Object.values(manifest.nodes)) {
    for (const file of kindOf(node).compiledFiles(node)) add(compiledPath(file.path), node.id, file.sql);
  }
  for (const plan of plans) add(runPath(plan), plan.id, renderPlan(plan));
  return syncOwnedFiles(root, TARGET_DIR, files, (owner) => owner in manifest.nodes || hasRunHooks(manifest, owner));
}

/**
 * The project-level plans (`run.on_run_start`, `run.on_run_end`) live as long as project.yml has
 * such hooks; `run.cleanup` and `run.schemas` belong to the one build (or compile) that wrote them.
 */
function hasRunHooks(manifest: Manifest, owner: string): boolean {
  if (owner === 'run.on_run_start') return (manifest.hooks?.onRunStart.length ?? 0) > 0;
  if (owner === 'run.on_run_end') return (manifest.hooks?.onRunEnd.length ?? 0) > 0;
  return false;
}
