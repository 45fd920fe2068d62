import type { DbtCatalog } from './dbt-catalog.js';
import type { DbtManifest } from './dbt-manifest.js';
import type { DbtRunResults } from './dbt-run-results.js';
import type { ProjectLineage } from '../../lineage/types.js';
import type { SourceLedger } from '../catalog/ledger-summary.js';

/** Everything the docs site is generated from: dbt-shaped artifacts, the catalog and run results optional. */
export interface DocsArtifacts {
  manifest: DbtManifest;
  catalog?: DbtCatalog;
  runResults?: DbtRunResults;
  /**
   * Column lineage (src/lineage's computeLineage output, keyed by sparkify or dbt ids), besides any
   * the manifest carries under `meta.sparkify.lineage`; this one wins for a node in both.
   */
  lineage?: ProjectLineage;
  /** Load ledgers of the sources sparkify loads, by dbt unique_id (their summaries are in the catalog's stats too). */
  ledgers?: Record<string, SourceLedger>;
}
