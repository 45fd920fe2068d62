import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import fg from 'fast-glob';
import type { DbtDoc } from '../artifacts/dbt-manifest.js';

const DOCS_BLOCK = /\{%-?\s*docs\s+([A-Za-z_][\w]*)\s*-?%\}([\s\S]*?)\{%-?\s*enddocs\s*-?%\}/g;

/** The `{% docs name %}…{% enddocs %}` blocks of the `*.md` files under the given folders. */
export function readDocsBlocks(root: string, project: string, folders: string[]): Record<string, DbtDoc> {
  const patterns = folders.map((folder) => posix.join(folder.replace(/\\/g, '/').replace(/\/$/, ''), '**/*.md'));
  const docs: Record<string, DbtDoc> = {};
  for (const path of fg.sync(patterns, { cwd: root, onlyFiles: true }).sort()) {
    for (const match of readFileSync(posix.join(root, path), 'utf8').matchAll(DOCS_BLOCK)) {
      const id = `doc.${project}.${match[1]}`;
      docs[id] = { unique_id: id, name: match[1], resource_type: 'doc', package_name: project, path, original_file_path: path, block_contents: match[2].trim() };
    }
  }
  return docs;
}
