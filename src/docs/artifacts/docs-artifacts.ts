import type { DbtCatalog } from './dbt-catalog.js';
import type { DbtManifest } from './dbt-manifest.js';
import type { DbtRunResults } from './dbt-run-results.js';

/** Everything the docs site is generated from: dbt-shaped artifacts, the catalog and run results optional. */
export interface DocsArtifacts {
  manifest: DbtManifest;
  catalog?: DbtCatalog;
  runResults?: DbtRunResults;
}
