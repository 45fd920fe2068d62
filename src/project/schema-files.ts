/** Finding the schema files of a project (`*.yml`/`*.yaml` under its resource folders), read once so later phases stay pure. */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import fg from 'fast-glob';
import type { TemplateFile } from './project-files.js';

/** Every YAML file under `folders` (model, seed and snapshot paths), in path order, each once. */
export function readSchemaFiles(root: string, folders: readonly string[]): TemplateFile[] {
  const patterns = [...new Set(folders)].flatMap((folder) => {
    const base = fg.escapePath(folder.replace(/\\/g, '/').replace(/\/+$/, ''));
    return [`${base}/**/*.yml`, `${base}/**/*.yaml`];
  });
  const paths = [...new Set(fg.sync(patterns, { cwd: root, onlyFiles: true, dot: false }))].sort();
  return paths.map((path) => ({ path, source: readFileSync(posix.join(root, path), 'utf8') }));
}

/** The folders whose YAML files are schema files: models, seeds and snapshots (as dbt reads them). */
export function schemaFolders(config: { modelPaths: string[]; seedPaths?: string[]; snapshotPaths: string[] }): string[] {
  return [...new Set([...config.modelPaths, ...(config.seedPaths ?? ['seeds']), ...config.snapshotPaths])];
}
