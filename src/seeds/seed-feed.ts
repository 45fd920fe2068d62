/** Streams a seed's CSV file as COPY text chunks (the execute phase's side of a seed's COPY). */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import { SparkifyError } from '../diagnostics.js';
import { COPY_NULL, escapeCopyText } from '../load/copy-text.js';
import type { LoadStats } from '../load/types.js';
import type { SourceFeed } from '../run/run-context.js';
import { csvErrorDiagnostic } from './csv-error.js';
import { explainSeedCopyError } from './seed-copy-error.js';
import type { SeedNode } from '../manifest/seed-node.js';

/** About the size of each chunk handed to COPY. */
const CHUNK_BYTES = 1 << 20;

/**
 * Rows of `seed`, parsed strictly: a malformed row throws `seeds/x.csv:line: what`, which fails the
 * COPY, so the transaction rolls back and the old table stays. Empty values become NULL.
 */
export function openSeedFeed(root: string, seed: SeedNode): SourceFeed {
  const stats: LoadStats = { files: 1, rows: 0, bytes: 0, rejected: [] };
  // Row index where the last chunk handed out starts: PGlite numbers COPY lines per chunk.
  let chunkStart = 0;
  return {
    stats,
    explain: (error) => explainSeedCopyError(error, root, seed, chunkStart),
    async *chunks() {
      const parser = createReadStream(join(root, seed.path)).pipe(parse({ bom: true, skip_empty_lines: true }));
      let pending: string[] = [];
      let size = 0;
      let header = true;
      try {
        for await (const record of parser as AsyncIterable<string[]>) {
          if (header) {
            header = false;
            continue;
          }
          const line = record.map((v) => (v === '' ? COPY_NULL : escapeCopyText(v))).join('\t') + '\n';
          pending.push(line);
          size += line.length;
          stats.rows++;
          if (size >= CHUNK_BYTES) {
            chunkStart = stats.rows - pending.length;
            yield flush(pending, stats);
            [pending, size] = [[], 0];
          }
        }
      } catch (error) {
        throw new SparkifyError([csvErrorDiagnostic(error, seed.path, seed.id, seed.columns.length)]);
      }
      chunkStart = stats.rows - pending.length;
      if (pending.length > 0) yield flush(pending, stats);
    },
  };
}

function flush(lines: string[], stats: LoadStats): Buffer {
  const chunk = Buffer.from(lines.join(''), 'utf8');
  stats.bytes += chunk.length;
  return chunk;
}
