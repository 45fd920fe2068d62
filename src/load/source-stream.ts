/** The streaming loader: a source table's JSON files in, COPY text-format chunks out. */

import type { LoadSource } from './types.js';
import { ChunkWriter } from './chunk-writer.js';
import { planEncoders } from './column-plan.js';
import type { FileStore, SourceFile } from './file-store.js';
import { readText } from './file-text.js';
import { readJsonPaths } from './jsonpaths-file.js';
import { ProgressTicker } from './progress-ticker.js';
import { RecordScanner, type ScannedRecord, type ScanSink } from './record-scanner.js';
import { RejectLog } from './reject-log.js';
import { RowBuilder, type RowColumn } from './row-builder.js';
import { resolveSourceFiles } from './source-files.js';
import { rethrowForTable } from './store-error.js';
import { fileStoreFor } from './store-for.js';
import type { LoadOptions, LoadProgress, LoadStats } from './types.js';
import { autoSource, pathSource } from './value-source.js';
import { AutoKeys } from './auto-keys.js';
import { autoMapping } from '../manifest/jsonpaths-mapping.js';
import type { Encoder } from './values/value-error.js';

const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const DEFAULT_READ_BYTES = 1024 * 1024;

/** A streaming read of one source table. */
export interface SourceStream {
  /** The files to read, resolved (throws SparkifyError SPK301 if the location is missing / matches nothing). */
  files(): Promise<string[]>;
  /** COPY text-format chunks (rows end in '\n'), in file order. Throws SparkifyError SPK310 past maxerrors. */
  chunks(): AsyncIterable<Buffer>;
  /** Final once chunks() is exhausted. */
  readonly stats: LoadStats;
}

/**
 * Opens a streaming read of a source table's files, local or on S3 (`options.s3`). Throws
 * SparkifyError SPK303 for unknown column types.
 */
export function openSourceStream(table: LoadSource, options: LoadOptions): SourceStream {
  return new TableStream(table, options, planEncoders(table, options), fileStoreFor(options));
}

class TableStream implements SourceStream {
  readonly stats: LoadStats = { files: 0, rows: 0, bytes: 0, rejected: [] };
  private listing?: Promise<SourceFile[]>;

  constructor(
    private readonly table: LoadSource,
    private readonly options: LoadOptions,
    private readonly encoders: Encoder[],
    private readonly store: FileStore,
  ) {}

  async files(): Promise<string[]> {
    return (await this.sourceFiles()).map((file) => file.display);
  }

  private sourceFiles(): Promise<SourceFile[]> {
    this.listing ??= resolveSourceFiles(this.table, this.options.root, this.store);
    return this.listing;
  }

  async *chunks(): AsyncGenerator<Buffer> {
    try {
      yield* this.read();
    } catch (error) {
      rethrowForTable(error, this.table);
    } finally {
      this.store.close();
    }
  }

  private async *read(): AsyncGenerator<Buffer> {
    Object.assign(this.stats, { files: 0, rows: 0, bytes: 0, rejected: [], warnings: undefined });
    const files = await this.sourceFiles();
    const autoKeys = autoMapping(this.table.jsonpaths) ? new AutoKeys(this.table.columns) : undefined;
    const builder = new RowBuilder(await this.columns(autoKeys));
    const writer = new ChunkWriter(this.options.chunkBytes ?? DEFAULT_CHUNK_BYTES);
    const rejects = new RejectLog(this.table, this.stats.rejected);
    const ticker = new ProgressTicker(this.options.onProgress);
    const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
    const snapshot = (): LoadProgress => ({
      filesDone: this.stats.files,
      filesTotal: files.length,
      rows: this.stats.rows,
      bytesRead: this.stats.bytes,
      bytesTotal,
    });
    for (const file of files) {
      const scanner = new RecordScanner(new FileSink(file.display, builder, writer, rejects, this.stats));
      for await (const piece of readText(this.store.openFile(file, this.options.readBytes ?? DEFAULT_READ_BYTES))) {
        this.stats.bytes += piece.bytes;
        scanner.push(piece.text);
        yield* writer.take();
        ticker.tick(snapshot);
      }
      scanner.end();
      this.stats.files++;
      ticker.tick(snapshot, true);
    }
    yield* writer.flush();
    if (autoKeys) this.stats.warnings = autoKeys.warnings(this.table);
  }

  /** Each column's value source and encoder; reads the JSONPaths file (SPK302) when there is one. */
  private async columns(autoKeys: AutoKeys | undefined): Promise<RowColumn[]> {
    const { table } = this;
    const paths = autoKeys ? undefined : await readJsonPaths(table, this.options.root, this.store);
    const ignoreCase = autoMapping(table.jsonpaths) === 'auto ignorecase';
    return table.columns.map((column, k) => ({
      name: column.name,
      type: column.type,
      source: paths ? pathSource(paths[k]) : autoKeys!.track(k, autoSource(column.name, ignoreCase)),
      encode: this.encoders[k],
    }));
  }
}

/** Routes one file's scanned records into rows or rejections. */
class FileSink implements ScanSink {
  constructor(
    private readonly file: string,
    private readonly builder: RowBuilder,
    private readonly writer: ChunkWriter,
    private readonly rejects: RejectLog,
    private readonly stats: LoadStats,
  ) {}

  record(record: ScannedRecord): void {
    const row = this.builder.build(record);
    if (typeof row !== 'string') return this.rejects.add({ file: this.file, ...row });
    this.writer.add(row);
    this.stats.rows++;
  }

  malformed(line: number, column: number, message: string): void {
    this.rejects.add({ file: this.file, line, column, message });
  }
}
