/** What every dbt artifact's `metadata` says about the run that wrote it. */
import { createHash } from 'node:crypto';
import { DBT_COMPATIBILITY_VERSION } from '../project/dbt/dbt-compatibility.js';


/** The run an artifact belongs to: injected, so compile stays pure and tests stay deterministic. */
export interface ArtifactRun {
  /** ISO-8601 time the run started (dbt's generated_at / invocation_started_at). */
  generatedAt: string;
  /** A UUID per command run (dbt's invocation_id); run_results.json and manifest.json share it. */
  invocationId: string;
}

/** The schema URLs dbt writes into `metadata.dbt_schema_version`. */
export const DBT_SCHEMAS = {
  manifest: 'https://schemas.getdbt.com/dbt/manifest/v12.json',
  runResults: 'https://schemas.getdbt.com/dbt/run-results/v6.json',
  sources: 'https://schemas.getdbt.com/dbt/sources/v3.json',
  catalog: 'https://schemas.getdbt.com/dbt/catalog/v1.json',
} as const;

/** The metadata block shared by every artifact. */
export function baseMetadata(schemaUrl: string, run: ArtifactRun): Record<string, unknown> {
  return {
    dbt_schema_version: schemaUrl,
    dbt_version: DBT_COMPATIBILITY_VERSION,
    generated_at: run.generatedAt,
    invocation_id: run.invocationId,
    env: {},
  };
}

/** dbt's project_id: the md5 of the project name. */
export function projectId(projectName: string): string {
  return createHash('md5').update(projectName).digest('hex');
}
