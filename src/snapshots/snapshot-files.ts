/** Finding and reading snapshot templates (the load phase; compile stays pure). */
import { readFilesUnder } from '../files/walk-tree.js';
import type { TemplateFile } from '../project/project-files.js';

/** Every `*.sql` under the snapshot folders (project.yml `snapshot-paths`, default `snapshots/`), in path order. */
export function readSnapshotFiles(root: string, snapshotPaths: readonly string[] = ['snapshots']): TemplateFile[] {
  return readFilesUnder(root, snapshotPaths, ['.sql']);
}
