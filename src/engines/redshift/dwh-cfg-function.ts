/** `dwh_cfg()` in config values: the selected Redshift target's dwh.cfg, read from its own block. */
import { SparkifyError } from '../../diagnostics.js';
import { ProjectErrors } from '../../config/error-codes.js';
import type { ConfigFunction } from '../../config/render-config.js';
import { placeholder, unquote, type DwhConfig } from './dwh-config.js';

/**
 * `dwh_cfg(section, key[, default])`: the value with one pair of wrapping quotes removed. Without the
 * file, the default or else a visible placeholder (compile works offline; build refuses the target).
 * With no `config` (any block but a redshift target's with config_file) it says where to use it.
 */
export function dwhCfgFunction(config: DwhConfig | undefined): ConfigFunction {
  return (args, { location, report }) => {
    const [section, key, fallback] = args;
    if (typeof section !== 'string' || typeof key !== 'string') {
      const hint = "write dwh_cfg('S3', 'LOG_DATA') or dwh_cfg('S3', 'LOG_DATA', 'default')";
      return report({ code: ProjectErrors.badTemplate, message: 'dwh_cfg() needs a section and a key as quoted strings', location, hint });
    }
    if (!config) {
      const hint = 'use dwh_cfg() inside a redshift target that has config_file: dwh.cfg';
      return report({ code: ProjectErrors.badTemplate, message: `dwh_cfg('${section}', '${key}') is used outside a target with config_file`, location, hint });
    }
    let value: string | undefined;
    try {
      value = config.value(section, key);
    } catch (error) {
      if (!(error instanceof SparkifyError)) throw error;
      // Reported where dwh_cfg() is called; the message keeps the line of dwh.cfg too.
      const [problem] = error.diagnostics;
      const inFile = problem.location?.line === undefined ? '' : ` (${config.file}:${problem.location.line})`;
      return report({ ...problem, message: `${problem.message}${inFile}`, location });
    }
    if (value !== undefined) return unquote(value);
    if (args.length > 2) return fallback;
    if (!config.found) return placeholder(config.file, section, key);
    return report({
      code: ProjectErrors.configFile,
      message: `${config.file} has no ${key} in [${section}]`,
      location,
      hint: `add ${key}=... under [${section}] in ${config.file}, or give a default: dwh_cfg('${section}', '${key}', '...')`,
    });
  };
}
