/** Duplicate detection for named entries (sources, tables, columns). */
import type { Position } from '../diagnostics.js';
import { ProjectErrors } from './error-codes.js';
import type { YamlSource } from './yaml-source.js';

/** Something with a name and where that name is written. */
export interface NamedEntry {
  name: string;
  at: Position;
}

/**
 * Reports every entry whose name was already used (`noun` e.g. "column", `where` e.g. "in table 'x'"),
 * pointing at the repeat and naming the line of the first. Returns the names that were repeated.
 */
export function reportDuplicates(source: YamlSource, entries: NamedEntry[], noun: string, where: string): Set<string> {
  const first = new Map<string, NamedEntry>();
  const repeated = new Set<string>();
  for (const entry of entries) {
    const earlier = first.get(entry.name);
    if (!earlier) {
      first.set(entry.name, entry);
      continue;
    }
    repeated.add(entry.name);
    const message = `duplicate ${noun} '${entry.name}'${where} (first defined on line ${earlier.at.line})`;
    source.report(ProjectErrors.duplicateName, message, entry.at, `rename or remove one of the two ${noun}s`);
  }
  return repeated;
}
