/**
 * Pure: what a source's load does this run, from its ledger and its location's listing. New files
 * are appended; a file changed or gone since it was loaded (or a location that holds none of the
 * files loaded before: another data_root) reloads everything, and so does --full-refresh.
 */
import type { LedgerEntry, ListedFile, SourceLoadState } from './load-ledger.js';

/** How a source loads in this run. */
export interface LoadDecision {
  /** `full`: a new table of every file; `append`: the new files added; `none`: nothing new. */
  mode: 'full' | 'append' | 'none';
  /** Why a full load, in words for the build line; undefined for the first load of a table. */
  reason?: string;
  /** The files to read; undefined when the loader lists them itself (compile, or a failed listing). */
  files?: ListedFile[];
  /** Files the ledger holds and the location still holds unchanged (append and none). */
  unchanged: number;
  /** This run's load id. */
  loadId: string;
  /** The full load the table's rows belong to after this run. */
  fullLoadId: string;
  /** The table's definition fingerprint its ledger rows record (empty when compiled without state). */
  definition: string;
}

/**
 * Decides a source's load; `state` undefined is compile (a full load of whatever the location
 * holds). `tableExists`: the staging table is there (a ledger without it loads in full).
 */
export function planLoad(state: SourceLoadState | undefined, runId: string, fullRefresh: boolean, tableExists: boolean): LoadDecision {
  const definition = state?.definition ?? '';
  const full = (reason?: string): LoadDecision => ({ mode: 'full', reason, files: state?.files, unchanged: 0, loadId: runId, fullLoadId: runId, definition });
  if (!state?.files || !state.ledger || !tableExists) return full();
  if (fullRefresh) return full('--full-refresh');
  const ledger = state.ledger;
  if (ledger.length === 0) return full();
  // Rows loaded under other columns, mapping or options would not match what a load writes now.
  const redefined = definitionChange(state.definition, ledger[0].definition);
  const listed = new Map(state.files.map((file) => [file.path, file]));
  const changed = ledger.filter((entry) => listed.has(entry.key) && !sameFile(entry, listed.get(entry.key)!));
  const gone = ledger.filter((entry) => !listed.has(entry.key));
  if (gone.length === ledger.length) return full(reasons(redefined, `the location holds none of the ${count(ledger.length, 'file')} loaded before`));
  if (redefined || changed.length > 0 || gone.length > 0) return full(reasons(redefined, describeChanges(changed, gone)));
  const seen = new Set(ledger.map((entry) => entry.key));
  const fresh = state.files.filter((file) => !seen.has(file.path));
  return {
    mode: fresh.length > 0 ? 'append' : 'none', files: fresh, unchanged: ledger.length,
    loadId: runId, fullLoadId: ledger[0].fullLoadId, definition: state.definition ?? ledger[0].definition ?? '',
  };
}

/** Why the table's definition no longer matches its ledger's, or undefined (also when it is not known now). */
function definitionChange(now: string | undefined, loaded: string | undefined): string | undefined {
  if (now === undefined || now === loaded) return undefined;
  return loaded === undefined
    ? 'its ledger was written by an earlier sparkify, which did not record the table\'s definition'
    : 'its columns, JSONPaths or load options in sources.yml changed since it was loaded';
}

function reasons(...parts: (string | undefined)[]): string {
  return parts.filter(Boolean).join('; ');
}

/**
 * A file is the one loaded when its size and version (mtime or ETag) are the same, or, for a file
 * touched or copied again with the same bytes (a new mtime), its size and checksum.
 */
export function sameFile(entry: LedgerEntry, file: ListedFile): boolean {
  if (entry.size !== file.size) return false;
  return entry.version === (file.version ?? '') || (checksumDecides(entry, file) && entry.checksum === file.checksum);
}

/** Only the file's checksum can tell: it has its loaded size and another version, and the ledger kept a checksum. */
export function checksumDecides(entry: LedgerEntry, file: ListedFile): boolean {
  return entry.checksum !== undefined && entry.size === file.size && entry.version !== (file.version ?? '');
}

function describeChanges(changed: LedgerEntry[], gone: LedgerEntry[]): string {
  const parts = [
    changed.length > 0 ? `${count(changed.length, 'file')} changed since loaded (${changed[0].key}${changed.length > 1 ? ', …' : ''})` : '',
    gone.length > 0 ? `${count(gone.length, 'file')} gone (${gone[0].key}${gone.length > 1 ? ', …' : ''})` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** `1 file`, `2 files`. */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** The build line's summary of an append or an empty load: `1 new file, 171 rows; 29 unchanged`. */
export function loadSummary(decision: LoadDecision, rows: number | null): string {
  const added = decision.files?.length ?? 0;
  const fresh = `${count(added, 'new file')}${added > 0 ? `, ${count(rows ?? 0, 'row')}` : ''}`;
  return `${fresh}; ${decision.unchanged} unchanged`;
}
