/** The load ledger's rows of one load, as COPY text: one per file read, with its rows loaded and rejected. */
import { COPY_NULL, escapeCopyText } from './copy-text.js';
import type { SourceFile } from './file-store.js';
import type { LoadStats } from './types.js';

/** The ids a load's ledger rows carry. */
export interface LedgerIds {
  loadId: string;
  fullLoadId: string;
  /** The table's definition fingerprint (source-definition.ts). */
  definition: string;
}

/**
 * COPY text rows (file_key, size, version, rows_loaded, rows_rejected, load_id, full_load_id, definition, checksum) of
 * the files a finished load read, in the order read; rejected records are counted per file.
 */
export function ledgerCopyText(files: SourceFile[], stats: LoadStats, ids: LedgerIds): Buffer {
  const rejected = new Map<string, number>();
  for (const bad of stats.rejected) rejected.set(bad.file, (rejected.get(bad.file) ?? 0) + 1);
  const lines = files.map((file, k) => [
    file.path, String(file.size), file.version ?? '', String(stats.fileRows?.[k] ?? 0),
    String(rejected.get(file.display) ?? 0), ids.loadId, ids.fullLoadId, ids.definition,
  ].map(escapeCopyText).concat(stats.fileChecksums?.[k] ?? COPY_NULL).join('\t'));
  return Buffer.from(lines.map((line) => `${line}\n`).join(''));
}
