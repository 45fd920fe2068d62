/** Adds the sources declared in schema files to those of sources.yml, one name space for both. */
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { ProjectErrors } from '../../config/error-codes.js';
import type { ScopeContext } from '../../config/read-scope.js';
import { readSchemaFiles, schemaFolders } from '../schema-files.js';
import type { ProjectConfig, SourceTable } from '../types.js';
import { readSchemaSources } from './read-schema-sources.js';

/** sources.yml's tables and the schema files' ones; a table declared twice is SPK017. Warnings are appended. */
export function addSchemaSources(root: string, config: ProjectConfig, loaded: SourceTable[], context: ScopeContext, warnings: Diagnostic[]): SourceTable[] {
  const read = readSchemaSources(readSchemaFiles(root, schemaFolders(config)), context);
  warnings.push(...read.warnings);
  const problems = [...read.diagnostics];
  const seen = new Map(loaded.map((table) => [`${table.sourceName}.${table.name}`, table]));
  const tables = [...loaded];
  for (const table of read.tables) {
    const key = `${table.sourceName}.${table.name}`;
    const earlier = seen.get(key);
    if (earlier) {
      problems.push({
        code: ProjectErrors.duplicateName,
        message: `source table '${key}' is declared twice: ${earlier.position.file}:${earlier.position.line} and here`,
        location: table.position,
        hint: 'keep one declaration: a table with a location in sources.yml is loaded by sparkify, one in a schema file is read as it is',
      });
      continue;
    }
    seen.set(key, table);
    tables.push(table);
  }
  if (problems.length > 0) throw new SparkifyError(problems);
  return tables;
}
