/** What installing one package entry gave. */
export interface Fetched {
  /** The package's project name (its folder under dbt_packages/). */
  name: string;
  /** Where it is installed (`<root>/dbt_packages/<name>`). */
  dir: string;
  /** How it was installed, for the output: `local ../x`, `dbt-labs/dbt_utils@1.1.1`, `https://...@v1`. */
  source: string;
  /** The folder its own packages.yml paths are relative to (a local package's real folder). */
  sourceDir: string;
}
