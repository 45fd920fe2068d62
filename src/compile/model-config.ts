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
): ModelConfig {
  const extra: Record<string, unknown> = {};
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
    schema: stringOr(given.schema, defaults.schema ?? targetSchema),
    alias: given.alias === undefined ? undefined : String(given.alias),
    tags: [...new Set([...defaults.tags, ...asList(given.tags)])].sort(),
    enabled: given.enabled === undefined ? true : Boolean(given.enabled),
    extra,
  };
}

function stringOr(value: unknown, fallback: string): string {
  return value === undefined || value === null || value === '' ? fallback : String(value);
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
