/** What every profiles.yml output shares: schema and threads, and the warning for keys not applied yet. */
import type { PgliteTarget } from './pglite/pglite-target.js';
import { ProjectErrors } from '../config/error-codes.js';
import type { MapReader } from '../config/map-reader.js';
import { integer, nonEmptyText } from '../config/value-kinds.js';

/** TargetBase fields of an output. */
export type OutputBase = Omit<PgliteTarget, 'type' | 'path'>;

/** name, schema (default public), threads (dbt's default: 1) and position. */
export function outputBase(output: MapReader, name: string): OutputBase {
  return {
    name,
    schema: output.get('schema', nonEmptyText) ?? 'public',
    threads: output.get('threads', integer(1)) ?? 1,
    position: output.at,
  };
}

/** Reports unknown keys as errors and keys read but not applied yet as warnings (SPK040). */
export function checkOutputKeys(output: MapReader, applied: string[], notApplied: string[]): void {
  output.checkKeys([...applied, ...notApplied]);
  // Outputs that are not selected are never connected with: only the selected one's keys matter.
  if (output.scope.lenient) return;
  for (const key of notApplied) {
    if (!output.has(key)) continue;
    const message = `\`${key}\` in ${output.what} is not supported yet`;
    output.scope.source.warnings.push({ code: ProjectErrors.dbtUnsupported, message, location: output.keyAt(key), hint: 'sparkify connects without it' });
  }
}
