/** The streaming loader: a source table's JSON files in, COPY text-format chunks out. */

import { planEncoders } from './column-plan.js';
import type { FileStore, SourceFile } from './file-store.js';
import { readJsonPaths } from './jsonpaths-file.js';
import { ProgressTicker } from './progress-ticker.js';
import { resolveSourceFiles } from './source-files.js';
import { loadFailure } from './store-error.js';
import { autoMapping } from '../manifest/jsonpaths-mapping.js';
import { fileStoreFor } from './store-for.js';
import { readTable, type ReadPlan } from './table-reader.js';
import type { LoadOptions, LoadProgress, LoadStats, LoadSource } from './types.js';
import { parallelChunks } from './worker/parallel-chunks.js';
import { parseWorkers } from './worker/parse-placement.js';
import { workerChunks } from './worker/worker-chunks.js';

/**
 * Chunk size when the COPY runs in another process (PostgreSQL): one COPY streams them all, so a
 * chunk is only what the server gets at once, and the last one is what it still reads after
 * parsing ends. 512 KiB loads 10 % faster than 4 MiB there (BENCHMARKS.md section 7). PGlite pays
 * ~20 ms per COPY statement, one per chunk, and keeps DEFAULT_CHUNK_BYTES.
 */
const STREAMED_CHUNK_BYTES = 512 * 1024;

/** A streaming read of one source table. */
export interface SourceStream {
  /** The files to read, resolved (throws SparkifyError SPK301 if the location is missing / matches nothing). */
  files(): Promise<string[]>;
  /**
   * COPY text-format chunks (rows end in '\n'), in file order. Throws SparkifyError past maxerrors
   * (SPK310; SPK311 invalid characters, SPK312 nesting too deep) or for an unreadable file (SPK304).
   */
  chunks(): AsyncIterable<Buffer>;
  /** The files read, listed (with sizes and versions, for the load ledger). */
  listed(): Promise<SourceFile[]>;
  /** Final once chunks() is exhausted. */
  readonly stats: LoadStats;
}

/**
 * Opens a streaming read of a source table's files, local or on S3 (`options.s3`). Throws
 * SparkifyError SPK303 for unknown column types.
 */
export function openSourceStream(table: LoadSource, options: LoadOptions): SourceStream {
  planEncoders(table, options); // checks the column types now, before anything is read
  return new TableStream(table, options, fileStoreFor(options));
}

class TableStream implements SourceStream {
  readonly stats: LoadStats = { files: 0, rows: 0, bytes: 0, rejected: [] };
  private listing?: Promise<SourceFile[]>;

  constructor(
    private readonly table: LoadSource,
    private readonly options: LoadOptions,
    private readonly store: FileStore,
  ) {}

  async files(): Promise<string[]> {
    return (await this.sourceFiles()).map((file) => file.display);
  }

  listed(): Promise<SourceFile[]> {
    return this.sourceFiles();
  }

  private async prepared(files: SourceFile[]): Promise<SourceFile[]> {
    await this.store.prepare?.(files);
    return files;
  }

  private sourceFiles(): Promise<SourceFile[]> {
    // Files listed before planning (the load ledger chose them) are read as they are, not listed again.
    this.listing ??= this.options.files ? this.prepared(this.options.files) : resolveSourceFiles(this.table, this.options.root, this.store);
    return this.listing;
  }

  async *chunks(): AsyncGenerator<Buffer> {
    try {
      yield* this.read();
    } catch (error) {
      throw loadFailure(error, this.table);
    } finally {
      this.store.close();
    }
  }

  private async *read(): AsyncGenerator<Buffer> {
    Object.assign(this.stats, { files: 0, rows: 0, bytes: 0, rejected: [] });
    delete this.stats.replaced;
    delete this.stats.warnings;
    delete this.stats.fileRows;
    delete this.stats.fileChecksums;
    const { onProgress, parseIn, copyInProcess, files: _listed, ...readOptions } = this.options;
    const files = await this.sourceFiles();
    const paths = autoMapping(this.table.jsonpaths) ? undefined : await readJsonPaths(this.table, this.options.root, this.store);
    const chunkBytes = readOptions.chunkBytes ?? (copyInProcess ? undefined : STREAMED_CHUNK_BYTES);
    const plan: ReadPlan = { table: plainTable(this.table), files, paths, options: { ...readOptions, chunkBytes } };
    const ticker = new ProgressTicker(onProgress);
    const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
    const snapshot = (): LoadProgress => ({
      filesDone: this.stats.files,
      filesTotal: files.length,
      rows: this.stats.rows,
      bytesRead: this.stats.bytes,
      bytesTotal,
    });
    const tick = (force: boolean) => ticker.tick(snapshot, force);
    const workers = parseWorkers(parseIn, files, copyInProcess);
    if (workers > 1) yield* parallelChunks(plan, this.stats, tick, workers);
    else if (workers === 1) yield* workerChunks(plan, this.stats, tick);
    else yield* readTable(plan, this.store, this.stats, tick);
  }
}

/**
 * Lists a source table's files as its load would (SPK301 when there are none, SPK32x from S3), with
 * the caller's store (left open) or one of its own.
 */
export async function listSourceFiles(table: LoadSource, options: LoadOptions, shared?: FileStore): Promise<SourceFile[]> {
  const store = shared ?? fileStoreFor(options);
  try {
    return await resolveSourceFiles(table, options.root, store);
  } finally {
    if (!shared) store.close();
  }
}

/** The table's fields the reader uses, as plain data (a SourceTable may carry more). */
function plainTable(table: LoadSource): LoadSource {
  const { sourceName, name, location, jsonpaths, maxerrors, timeformat, truncatecolumns, columns, acceptInvalidChars, originColumns } = table;
  const position = { file: table.position.file, line: table.position.line };
  return { sourceName, name, location, jsonpaths, maxerrors, timeformat, truncatecolumns, columns, acceptInvalidChars, originColumns, position };
}
