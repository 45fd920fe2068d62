/** The streaming source loader: JSON files with Redshift COPY FORMAT AS JSON semantics, out as COPY text chunks. */

export { listSourceFiles, openSourceStream, type SourceStream } from './source-stream.js';
export { copyColumns, escapeCopyText, COPY_NULL } from './copy-text.js';
export { RecordScanner, type ScannedRecord, type ScanSink, type ScannerOptions } from './record-scanner.js';
export { parseJsonPath, formatJsonPath, JsonPathError, type PathSegment } from './jsonpath.js';
export { parseJsonPathsFile, readJsonPaths } from './jsonpaths-file.js';
export { parseColumnType, type ColumnType } from './column-types.js';
export { buildEncoder, type EncoderSettings } from './values/build-encoder.js';
export { ValueError, type Encoder } from './values/value-error.js';
export type { FileStore, SourceFile } from './file-store.js';
export { createProgressReporter, type ProgressReporter } from './progress.js';
export type { BadRecord, LoadOptions, LoadProgress, LoadStats, LoadSource } from './types.js';
export type { ParsePlacement } from './worker/parse-placement.js';
export { LoadErrors } from './error-codes.js';
export { MAX_NESTING_DEPTH } from './limits.js';
export { replacedLine } from './replaced-line.js';
export { ledgerCopyText, type LedgerIds } from './ledger-rows.js';
