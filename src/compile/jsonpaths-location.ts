/**
 * A JSONPaths file must not be one of the files its source loads. Redshift reads every object whose
 * key starts with the location: "If the file specified by jsonpaths_file has the same prefix as the
 * path specified by copy_from_s3_objectpath for the data files, COPY reads the JSONPaths file as a
 * data file and returns errors" (https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-format.html).
 * The loader lists a location the same way (an S3 prefix, a local folder read recursively, a glob),
 * so the rule holds on every engine and compile (pure: paths only, no file system) refuses it.
 */
import path from 'node:path';
import picomatch from 'picomatch';
import type { Diagnostic } from '../diagnostics.js';
import { autoMapping } from '../manifest/jsonpaths-mapping.js';
import type { SourceTable } from '../project/types.js';
import { CompileErrors } from './error-codes.js';

/** SPK138 for each source whose JSONPaths file its own location would read as data. */
export function checkJsonpathsOutsideData(tables: SourceTable[], diagnostics: Diagnostic[]): void {
  for (const table of tables) {
    if (autoMapping(table.jsonpaths) || !readsAsData(table.location, table.jsonpaths)) continue;
    diagnostics.push({
      code: CompileErrors.jsonpathsUnderData,
      message: `source ${table.sourceName}.${table.name}: its JSONPaths file '${table.jsonpaths}' is under its location '${table.location}', `
        + 'so the load would read it as a data file (Redshift\'s COPY reads every object whose key starts with the location)',
      location: { file: table.position.file, line: table.position.line, column: table.position.column },
      node: `source.${table.sourceName}.${table.name}`,
      hint: 'move the JSONPaths file out of the data prefix (e.g. s3://bucket/log_json_path.json beside s3://bucket/log_data/), '
        + 'or make the location more specific (end a folder prefix with /)',
    });
  }
}

/** Whether listing `location` would list `jsonpaths` too. */
export function readsAsData(location: string, jsonpaths: string): boolean {
  if (location.startsWith('s3://')) return jsonpaths.startsWith(location);
  if (jsonpaths.startsWith('s3://')) return false;
  const file = path.posix.normalize(jsonpaths.split(path.sep).join('/'));
  const where = path.posix.normalize(location.split(path.sep).join('/'));
  if (picomatch.scan(where).isGlob) return picomatch.isMatch(file, where, { dot: false });
  const inside = path.posix.relative(where, file);
  return inside === '' || (!inside.startsWith('..') && !path.posix.isAbsolute(inside));
}
