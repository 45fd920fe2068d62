/**
 * Models' `config:` in schema files (dbt's property files), read before the models render since they
 * configure them. dbt's precedence: config() in the model, then the schema file, then dbt_project.yml
 * (https://docs.getdbt.com/reference/configs-and-properties); tags and hooks add up across the three.
 */
import type { ScopeContext } from '../config/read-scope.js';
import type { TemplateFile } from '../project/project-files.js';
import { readSchemaFile } from '../project/read-schema-files.js';
import type { ModelDefaults } from '../project/types.js';

/** Each model's schema-file config by model name. Problems are left to the data-test step, which reads the files again and reports them. */
export function schemaModelConfigs(schemas: readonly TemplateFile[], context: ScopeContext): Map<string, Record<string, unknown>> {
  const configs = new Map<string, Record<string, unknown>>();
  for (const file of schemas) {
    for (const doc of readSchemaFile(file.path, file.source, context).models) {
      // A model documented twice is an error the data-test step reports; the first one counts meanwhile.
      if (doc.name && doc.config && !configs.has(doc.name)) configs.set(doc.name, doc.config);
    }
  }
  return configs;
}

const APPENDED = ['pre_hook', 'post_hook'];

/** The folder defaults with a schema file's config over them: its keys win, tags and hooks are added. */
export function withSchemaConfig(defaults: ModelDefaults, config: Record<string, unknown> | undefined): ModelDefaults {
  if (!config) return defaults;
  const merged: ModelDefaults = { ...defaults, tags: [...defaults.tags, ...asList(config.tags)], extra: { ...(defaults.extra ?? {}) } };
  for (const [key, value] of Object.entries(config)) {
    if (value === undefined || value === null || key === 'tags') continue;
    if (key === 'materialized') merged.materialized = String(value);
    else if (key === 'schema') merged.schema = String(value);
    else if (key === 'alias') merged.alias = String(value);
    else if (key === 'enabled') merged.enabled = value !== false && value !== 'false';
    else merged.extra![key] = APPENDED.includes(key) ? [...asList(merged.extra![key]), ...asList(value)] : value;
  }
  return merged;
}

function asList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value.map(String) : [String(value)];
}
