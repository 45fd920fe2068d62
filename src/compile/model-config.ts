import type { Diagnostic } from '../diagnostics.js';
import { CompileErrors } from './error-codes.js';
import { closestName } from '../diagnostics.js';
import type { ModelDefaults } from '../project/types.js';
import { MATERIALIZATIONS, type Materialization, type ModelConfig } from '../manifest/manifest.js';

/** Keys config() accepts beyond the core ones; later phases (adapters, incremental) read them. */
const EXTRA_KEYS = [
  'dist', 'sort', 'sort_type', 'diststyle', 'bind', 'unique_key', 'incremental_strategy',
  'on_schema_change', 'pre_hook', 'post_hook', 'full_refresh', 'description',
];
const CORE_KEYS = ['materialized', 'schema', 'alias', 'tags', 'enabled'];

/** Merges a model's config() call over the project defaults, reporting unknown keys and values. */
export function resolveModelConfig(
  given: Record<string, unknown>,
  defaults: ModelDefaults,
  targetSchema: string,
  report: (diagnostic: Omit<Diagnostic, 'location' | 'node'>) => void,
  dbtSchemaNames = false,
): ModelConfig {
  const extra: Record<string, unknown> = { ...(defaults.extra ?? {}) };
  // dbt runs the hooks of the folder configs and those of config(), folder ones first.
  for (const key of ['pre_hook', 'post_hook']) {
    if (defaults.extra?.[key] !== undefined && given[key] !== undefined) given = { ...given, [key]: [...asList(defaults.extra[key]), ...asList(given[key])] };
  }
  for (const [key, value] of Object.entries(given)) {
    if (CORE_KEYS.includes(key)) continue;
    if (EXTRA_KEYS.includes(key)) {
      extra[key] = value;
      continue;
    }
    const close = closestName(key, [...CORE_KEYS, ...EXTRA_KEYS]);
    report({ code: CompileErrors.unknownConfigKey, message: `unknown config key '${key}'`, hint: close ? `did you mean ${close}=...?` : `known keys: ${CORE_KEYS.join(', ')}` });
  }
  const materialized = String(given.materialized ?? defaults.materialized);
  if (!(MATERIALIZATIONS as readonly string[]).includes(materialized)) {
    report({
      code: CompileErrors.unknownMaterialization,
      message: `unknown materialization '${materialized}'`,
      hint: `use one of: ${MATERIALIZATIONS.join(', ')}`,
    });
  }
  return {
    // An unknown one is reported above, and compile stops before anything plans it.
    materialized: materialized as Materialization,
    schema: schemaOf(given.schema === undefined || given.schema === null || given.schema === '' ? defaults.schema : given.schema, targetSchema, dbtSchemaNames),
    alias: given.alias === undefined ? defaults.alias : String(given.alias),
    tags: [...new Set([...defaults.tags, ...asList(given.tags)])].sort(),
    enabled: given.enabled === undefined ? (defaults.enabled ?? true) : Boolean(given.enabled),
    extra,
  };
}

/**
 * A model's schema. sparkify's `schema` names the schema itself; in a dbt project it is a custom
 * schema appended to the target's, as dbt's default generate_schema_name does (`<target>_<custom>`).
 */
function schemaOf(custom: unknown, targetSchema: string, dbtSchemaNames: boolean): string {
  if (custom === undefined || custom === null || custom === '') return targetSchema;
  return dbtSchemaNames ? `${targetSchema}_${String(custom).trim()}` : String(custom);
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
