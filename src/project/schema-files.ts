/** Finding the schema files of a project (`*.yml`/`*.yaml` under its resource folders), read once so later phases stay pure. */
import { readFilesUnder } from '../files/walk-tree.js';
import type { TemplateFile } from './project-files.js';

/** Every YAML file under `folders` (model, seed and snapshot paths), in path order, each once. */
export function readSchemaFiles(root: string, folders: readonly string[]): TemplateFile[] {
  return readFilesUnder(root, folders, ['.yml', '.yaml']);
}

/** The folders whose YAML files are schema files: models, seeds and snapshots (as dbt reads them). */
export function schemaFolders(config: { modelPaths: string[]; seedPaths?: string[]; snapshotPaths: string[] }): string[] {
  return [...new Set([...config.modelPaths, ...(config.seedPaths ?? ['seeds']), ...config.snapshotPaths])];
}
