/**
 * A model's `config:` in a schema file, as dbt reads it: the same keys as `config()` and
 * dbt_project.yml's `+` keys, below `config()` and above the folder configs in precedence
 * (https://docs.getdbt.com/reference/configs-and-properties). Keys sparkify does not apply yet
 * are warnings (SPK040), never failures.
 */
import { ProjectErrors } from '../config/error-codes.js';
import type { MapReader } from '../config/map-reader.js';
import { anything } from '../config/value-kinds.js';
import { MATERIALIZATIONS } from '../manifest/manifest.js';
import { APPLIED_CONFIG_KEYS, DBT_CONFIG_KEYS } from './dbt/config-keys.js';

/** Reads `config:` of a model entry into config() spelling (`pre_hook`); undefined when absent. */
export function readModelConfig(model: MapReader): Record<string, unknown> | undefined {
  const block = model.child('config', `config of ${model.what}`);
  if (!block) return undefined;
  const config: Record<string, unknown> = {};
  for (const key of block.keys()) {
    const name = key.replace(/^\+/, '').replace(/-hook$/, '_hook');
    if (APPLIED_CONFIG_KEYS.models.has(name)) config[name] = block.get(key, anything);
    else warnNotApplied(block, key, DBT_CONFIG_KEYS.models.has(name) ? `\`${key}\` in ${block.what} is not supported yet` : `unknown config \`${key}\` in ${block.what}`);
  }
  const materialized = config.materialized;
  if (materialized !== undefined && !(MATERIALIZATIONS as readonly unknown[]).includes(materialized)) {
    block.report(ProjectErrors.invalidValue, `unknown materialization '${String(materialized)}' in ${block.what}`, block.valueAt('materialized'), `use one of: ${MATERIALIZATIONS.join(', ')}`);
    delete config.materialized;
  }
  return config;
}

function warnNotApplied(block: MapReader, key: string, message: string): void {
  block.scope.source.warnings.push({ code: ProjectErrors.dbtUnsupported, message, location: block.keyAt(key), hint: 'sparkify ignores it; the rest of the project builds' });
}
