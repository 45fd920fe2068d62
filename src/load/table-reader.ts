/**
 * Reads a table's files into COPY text chunks: bytes → text → records → rows. Runs in the calling
 * thread or in a worker (worker/), so what it needs is plain data: the ReadPlan.
 */

import crypto, { createHash } from 'node:crypto';
import { ChunkWriter } from './chunk-writer.js';
import { escapeCopyText } from './copy-text.js';
import { planEncoders } from './column-plan.js';
import { FileQueue, type FileContent } from './file-queue.js';
import type { FileReader, SourceFile } from './file-store.js';
import type { PathSegment } from './jsonpath.js';
import { LineFeeder } from './line-feeder.js';
import { RecordSink } from './record-sink.js';
import { RejectLog } from './reject-log.js';
import { RowBuilder, type RowColumn } from './row-builder.js';
import type { LoadOptions, LoadStats, LoadSource } from './types.js';
import { Utf8Decoder } from './utf8-decoder.js';
import { autoSource, pathSource } from './value-source.js';
import { AutoKeys } from './auto-keys.js';
import { ByteLines } from './byte-lines.js';
import { flatPlan, FlatRecords, ROW_BATCH_BYTES } from './flat-records.js';
import { autoMapping } from '../manifest/jsonpaths-mapping.js';

export const DEFAULT_CHUNK_BYTES = 4 * 1024 * 1024;
const FIRST_CHUNK_BYTES = 256 * 1024;
// Files up to this size are read whole into one reused buffer (small-file.ts); bigger ones stream in
// pieces this big. At 1 MiB, the streamed pieces of an x100 load kept the GC compacting every 50 ms.
const DEFAULT_READ_BYTES = 4 * 1024 * 1024;

/** The load options a reader uses: everything but the callbacks. */
export type ReadOptions = Omit<LoadOptions, 'onProgress' | 'parseIn' | 'copyInProcess'>;

/** What reading a table needs, all of it plain data (a worker thread receives it as is). */
export interface ReadPlan {
  table: LoadSource;
  files: SourceFile[];
  /** One JSONPath per column, or undefined with `jsonpaths: auto`. */
  paths: PathSegment[][] | undefined;
  options: ReadOptions;
  /**
   * The blocks of files (index ranges, end excluded) this reader reads, when parsing is shared
   * between workers (worker/parallel-chunks.ts); all the files by default. Each block's rows end
   * in a chunk of their own, so the main thread can put the blocks back in file order.
   */
  blocks?: Array<[number, number]>;
}

/**
 * COPY text chunks of the plan's files, in file order, updating `stats` as it goes and calling
 * `progress` after each piece read (`fileDone` after each file), and `blockDone` after the last
 * chunk of each of the plan's blocks. Throws SparkifyError past maxerrors (SPK310–SPK312) or when
 * a file cannot be read (SPK304), the store's errors otherwise.
 */
export async function* readTable(plan: ReadPlan, store: FileReader, stats: LoadStats, progress?: (fileDone: boolean) => void, blockDone?: () => void): AsyncGenerator<Buffer> {
  const { table, files, options } = plan;
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK_BYTES;
  const writer = new ChunkWriter(chunkBytes, FIRST_CHUNK_BYTES);
  const autoKeys = plan.paths ? undefined : new AutoKeys(table.columns);
  const ignoreCase = autoMapping(table.jsonpaths) === 'auto ignorecase';
  const columns = rowColumns(plan, autoKeys, ignoreCase);
  const builder = new RowBuilder(columns);
  const sink = new RecordSink(builder, writer, new RejectLog(table, stats.rejected), stats, table.acceptInvalidChars);
  // Byte-path rows go to the writer in batches, well under a chunk (tests shrink chunks to a few KiB).
  const flat = flatRecords(plan, columns, writer, stats, autoKeys, ignoreCase, Math.min(ROW_BATCH_BYTES, Math.max(1, chunkBytes >> 3)));
  // The queue reads ahead among this reader's own files only.
  const own = plan.blocks ? plan.blocks.flatMap(([start, end]) => files.slice(start, end)) : files;
  let queued = 0;
  const queue = new FileQueue(store, own, options.readBytes ?? DEFAULT_READ_BYTES, `source.${table.sourceName}.${table.name}`);
  try {
    for (const [start, end] of plan.blocks ?? [[0, files.length]]) {
      yield* readBlock(start, end);
      if (plan.blocks) {
        yield* writer.flush();
        blockDone?.();
      }
    }
    yield* writer.flush();
    if (autoKeys) stats.warnings = autoKeys.warnings(table);
  } finally {
    queue.close();
  }

  async function* readBlock(start: number, end: number): AsyncGenerator<Buffer> {
    for (let k = start; k < end; k++) {
      sink.file = files[k].display;
      if (table.originColumns) builder.originFile = escapeCopyText(files[k].path);
      if (flat) flat.originFile = builder.originFile;
      const rowsBefore = stats.rows;
      const feeder = new LineFeeder(sink);
      const decoder = new Utf8Decoder();
      const lines = flat ? new ByteLines(flat, feeder, decoder) : new TextLines(feeder, decoder);
      let content: FileContent = queue.content(queued++);
      if (content instanceof Promise) content = await content;
      let digest: string;
      if (Buffer.isBuffer(content)) {
        stats.bytes += content.length;
        digest = sha256Hex(content);
        lines.push(content);
      } else {
        const checksum = createHash('sha256');
        for await (const piece of content) {
          stats.bytes += piece.length;
          checksum.update(piece);
          lines.push(piece);
          yield* writer.take();
          progress?.(false);
        }
        digest = checksum.digest('hex');
      }
      lines.end();
      stats.files++;
      (stats.fileRows ??= [])[k] = stats.rows - rowsBefore;
      (stats.fileChecksums ??= [])[k] = digest;
      if (writer.hasReady()) yield* writer.take();
      progress?.(true);
    }
  }
}

/**
 * The SHA-256 of a whole file, in one call where Node has crypto.hash (20.12 and later): a Hash
 * object per file cost 2 µs of the 11 µs each of 20,000 song files took.
 */
const sha256Hex: (bytes: Buffer) => string = typeof crypto.hash === 'function'
  ? (bytes) => crypto.hash('sha256', bytes, 'hex')
  : (bytes) => createHash('sha256').update(bytes).digest('hex');

/** Without the byte path: every piece decoded and handed to the text path. */
class TextLines {
  constructor(
    private readonly feeder: LineFeeder,
    private readonly decoder: Utf8Decoder,
  ) {}

  push(bytes: Buffer): void {
    this.feeder.push(this.decoder.write(bytes));
  }

  end(): void {
    this.feeder.push(this.decoder.end());
    this.feeder.end();
  }
}

/** The byte path for the table's flat lines, unless its columns need the text path (flat-records.ts). */
function flatRecords(plan: ReadPlan, columns: RowColumn[], writer: ChunkWriter, stats: LoadStats, autoKeys: AutoKeys | undefined, ignoreCase: boolean, batchBytes: number): FlatRecords | undefined {
  if (plan.options.bytePath === false) return undefined;
  const names = plan.table.columns.map((column) => column.name);
  const flat = flatPlan(names, plan.paths, ignoreCase, plan.options.varcharLength ?? 'chars');
  return flat ? new FlatRecords(columns, flat, writer, stats, autoKeys, batchBytes) : undefined;
}

/** Each column's value source (its JSONPath, or the key named like it, tracked by `autoKeys`) and encoder. */
function rowColumns(plan: ReadPlan, autoKeys: AutoKeys | undefined, ignoreCase: boolean): RowColumn[] {
  const encoders = planEncoders(plan.table, plan.options);
  return plan.table.columns.map((column, k) => ({
    name: column.name,
    type: column.type,
    source: plan.paths ? pathSource(plan.paths[k]) : autoKeys!.track(k, autoSource(column.name, ignoreCase)),
    encode: encoders[k],
  }));
}
