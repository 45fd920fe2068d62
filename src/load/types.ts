/** Types shared by the streaming loader and the adapters that feed its chunks to COPY. */
import type { Diagnostic } from '../diagnostics.js';
import type { SourceNode } from '../manifest/manifest.js';
import type { S3Settings } from './s3/s3-settings.js';
import type { ParsePlacement } from './worker/parse-placement.js';
import type { SourceFile } from './file-store.js';

/**
 * What the loader reads of a source table: the manifest's source node (or anything of its shape,
 * such as the project's SourceTable before compile).
 */
export type LoadSource = Pick<SourceNode, 'sourceName' | 'name' | 'location' | 'jsonpaths' | 'maxerrors' | 'timeformat' | 'truncatecolumns' | 'columns' | 'position' | 'acceptInvalidChars' | 'originColumns'>;

/** One rejected record, reported as `file:line:column: message`. */
export interface BadRecord {
  /** Path as the user wrote it (project-relative for local files, the URL for s3://). */
  file: string;
  line: number;
  column: number;
  message: string;
  /** The diagnostic code when it is not the general SPK310: SPK311 invalid characters, SPK312 too deep. */
  code?: string;
}

/** A progress tick: emitted per file and about every chunk. */
export interface LoadProgress {
  filesDone: number;
  filesTotal: number;
  rows: number;
  bytesRead: number;
  bytesTotal: number;
}

/** What a load did, final once the chunk stream is exhausted. */
export interface LoadStats {
  files: number;
  rows: number;
  bytes: number;
  rejected: BadRecord[];
  /** Rows loaded from each file, in file order (the load ledger records them). */
  fileRows?: number[];
  /** SHA-256 (hex) of each file's bytes, in file order: the ledger's checksum, computed as the bytes pass. */
  fileChecksums?: string[];
  /** What the load has to say without failing: columns of a `jsonpaths: auto` load no key matched (SPK305). */
  warnings?: Diagnostic[];
  /** With accept_invalid_chars: the invalid characters replaced, and in how many records. */
  replaced?: { chars: number; records: number };
}

/** How a dialect wants rows encoded and checked. */
export interface LoadOptions {
  /** Absolute project root; relative locations resolve against it. */
  root: string;
  /** The files to read, listed already (the load ledger's new files); by default the location is listed. */
  files?: SourceFile[];
  /**
   * Approximate size of each COPY chunk in bytes. Default: 4 MiB with `copyInProcess` (PGlite runs
   * one COPY statement per chunk), else 512 KiB (one COPY streams them all; source-stream.ts).
   */
  chunkBytes?: number;
  /** Size of each read from a file in bytes (default 4 MiB; smaller files are read whole); tests shrink it to split records. */
  readBytes?: number;
  /** How `s3://` locations are reached: the target's `s3:` settings (credentials from the AWS chain). */
  s3?: S3Settings;
  /** Keys per S3 listing page (default: the server's, 1000); tests shrink it to cross pages. */
  listPageSize?: number;
  /** How varchar(n) is measured: Postgres counts characters, Redshift bytes. */
  varcharLength?: 'chars' | 'bytes';
  onProgress?: (progress: LoadProgress) => void;
  /**
   * false reads every line through the text path; by default flat lines take the byte path
   * (flat-records.ts). Tests and benchmarks compare the two.
   */
  bytePath?: boolean;
  /** Where records are parsed: `auto` (default) in worker threads for big loads, else `main`; tests force one. */
  parseIn?: ParsePlacement;
  /** True when the engine's COPY runs on this process's main thread (PGlite): a second parsing thread would compete with it. */
  copyInProcess?: boolean;
}
