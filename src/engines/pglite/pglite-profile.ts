/** A profiles.yml output of `type: pglite`: sparkify's embedded warehouse, a data directory on disk. */
import type { PgliteTarget } from './pglite-target.js';
import type { MapReader } from '../../config/map-reader.js';
import { nonEmptyText } from '../../config/value-kinds.js';
import { checkOutputKeys, outputBase } from '../profile-output.js';

/** path (default `.sparkify/<target>`, relative to the project), schema, threads. */
export function pgliteOutput(output: MapReader, name: string): PgliteTarget {
  checkOutputKeys(output, ['type', 'path', 'schema', 'threads'], []);
  return { ...outputBase(output, name), type: 'pglite', path: output.get('path', nonEmptyText) ?? `.sparkify/${name}` };
}
