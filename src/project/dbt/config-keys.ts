/** The config keys dbt knows per resource type, and those sparkify applies (from dbt's "resource configs" docs). */

const COMMON = ['enabled', 'tags', 'pre_hook', 'post_hook', 'database', 'schema', 'alias', 'persist_docs', 'meta', 'grants', 'docs', 'group', 'event_time'];

/** dbt's config keys of each resource block of dbt_project.yml. */
export const DBT_CONFIG_KEYS = {
  models: new Set([...COMMON, 'materialized', 'sql_header', 'on_configuration_change', 'unique_key', 'incremental_strategy', 'on_schema_change',
    'full_refresh', 'batch_size', 'lookback', 'begin', 'concurrent_batches', 'access', 'contract', 'freshness', 'indexes',
    'dist', 'sort', 'sort_type', 'diststyle', 'bind', 'column_types']),
  seeds: new Set([...COMMON, 'column_types', 'quote_columns', 'delimiter', 'full_refresh']),
  snapshots: new Set([...COMMON, 'strategy', 'unique_key', 'updated_at', 'check_cols', 'target_schema', 'target_database',
    'snapshot_meta_column_names', 'hard_deletes', 'invalidate_hard_deletes', 'dbt_valid_to_current']),
  data_tests: new Set([...COMMON, 'severity', 'where', 'limit', 'warn_if', 'error_if', 'fail_calc', 'store_failures', 'store_failures_as']),
} as const;

/** What sparkify applies from each block today; the other keys are read and warned about (SPK040). */
export const APPLIED_CONFIG_KEYS = {
  models: new Set(['materialized', 'schema', 'alias', 'tags', 'enabled', 'unique_key', 'incremental_strategy', 'on_schema_change',
    'full_refresh', 'pre_hook', 'post_hook', 'dist', 'sort', 'sort_type', 'diststyle', 'bind']),
  seeds: new Set(['column_types', 'schema', 'alias', 'tags', 'enabled']),
  snapshots: new Set(['strategy', 'unique_key', 'updated_at', 'check_cols', 'target_schema', 'target_database', 'schema', 'alias', 'tags',
    'enabled', 'snapshot_meta_column_names', 'hard_deletes', 'invalidate_hard_deletes', 'dbt_valid_to_current']),
  data_tests: new Set(['severity', 'warn_if', 'error_if', 'where', 'tags', 'enabled', 'store_failures']),
} as const;

/** A resource block of dbt_project.yml. */
export type ResourceBlock = keyof typeof DBT_CONFIG_KEYS;
