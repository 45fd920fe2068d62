/** A profiles.yml output of `type: pglite`: sparkify's embedded warehouse, a data directory on disk. */
import type { MapReader } from '../map-reader.js';
import type { PgliteTarget } from '../types.js';
import { nonEmptyText } from '../value-kinds.js';
import { checkOutputKeys, outputBase } from './output-base.js';

/** path (default `.sparkify/<target>`, relative to the project), schema, threads. */
export function pgliteOutput(output: MapReader, name: string): PgliteTarget {
  checkOutputKeys(output, ['type', 'path', 'schema', 'threads'], []);
  return { ...outputBase(output, name), type: 'pglite', path: output.get('path', nonEmptyText) ?? `.sparkify/${name}` };
}
