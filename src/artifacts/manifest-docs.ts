/** The `docs` of manifest.json: each `{% docs %}` block as dbt's Documentation node. */
import type { DocBlock } from '../manifest/manifest.js';

/** `doc.<project>.<name>` → dbt's Documentation entry. */
export function dbtDocs(docs: Record<string, DocBlock> | undefined, projectName: string): Record<string, unknown> {
  return Object.fromEntries(Object.values(docs ?? {}).map((block) => {
    const id = `doc.${projectName}.${block.name}`;
    return [id, {
      name: block.name, resource_type: 'doc', package_name: projectName, path: block.file,
      original_file_path: block.file, unique_id: id, block_contents: block.text,
    }];
  }));
}
