/** Finding and reading snapshot templates (the load phase; compile stays pure). */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import fg from 'fast-glob';
import type { TemplateFile } from '../project/project-files.js';

/** Every `*.sql` under the snapshot folders (project.yml `snapshot-paths`, default `snapshots/`), in path order. */
export function readSnapshotFiles(root: string, snapshotPaths: readonly string[] = ['snapshots']): TemplateFile[] {
  const patterns = snapshotPaths.map((folder) => `${fg.escapePath(folder.replace(/\\/g, '/').replace(/\/+$/, ''))}/**/*.sql`);
  const paths = [...new Set(fg.sync(patterns, { cwd: root, onlyFiles: true, dot: false }))].sort();
  return paths.map((path) => ({ path, source: readFileSync(posix.join(root, path), 'utf8') }));
}
