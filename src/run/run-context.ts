/** What running one node needs, whatever its kind: the warehouse, the manifest and the I/O the caller provides. */
import type { Diagnostic } from '../diagnostics.js';
import type { Manifest } from '../manifest/manifest.js';
import type { Adapter } from '../engines/adapter.js';
import type { LoadStats } from '../load/types.js';
import type { SourceFile } from '../load/file-store.js';
import type { PlanBase } from '../plan/types.js';
import type { NodeFiles } from './database-error.js';

/** The rows of one source (or seed), streamed into its COPY statement. */
export interface SourceFeed {
  chunks(): AsyncIterable<Buffer>;
  readonly stats: LoadStats;
  /** A source's feed: the files it reads (the load ledger records them). */
  listed?(): Promise<SourceFile[]>;
  /** Points a database error during its COPY back at the input (a seed's CSV line and column), if it can. */
  explain?(error: unknown): Diagnostic | undefined;
}

/** The execute phase's context of one node. */
export interface RunContext {
  adapter: Adapter;
  manifest: Manifest;
  /** Every plan of the run (a parent outside them is checked to exist in the warehouse). */
  plans: PlanBase[];
  /** The rows a COPY statement reads (Statement.copyFrom names the source or seed node). */
  openFeed(nodeId: string): SourceFeed;
  /** The files a database error points at. */
  filesOf(plan: PlanBase): NodeFiles;
  signal?: AbortSignal;
}

/** Thrown between statements once the run is cancelled (Ctrl-C). */
export class RunCancelled extends Error {
  constructor() {
    super('the run was cancelled');
  }
}
