/** Templating of config string values: `{{ env_var('X', 'default') }}` and `{{ var('x') }}`. */
import { createRequire } from 'node:module';
import type { Environment } from 'nunjucks';
import { closestName, SparkifyError, type Diagnostic } from '../diagnostics.js';
import { placeholder, unquote, type DwhConfig } from './dwh-config.js';
import { ProjectErrors } from './error-codes.js';
import { docText, type DocBlock } from '../jinja/context/docs-blocks.js';
import type { Position } from './types.js';

/** What a config template can see and where it was written. */
export interface RenderContext {
  /** Environment for `env_var()`. */
  env: Record<string, string | undefined>;
  /** Vars for `var()`; undefined while project vars themselves are rendered (they may use env_var only). */
  vars?: Record<string, unknown>;
  /** The selected target's config_file, for `dwh_cfg()` (only inside that target's block). */
  configFile?: DwhConfig;
  /** Where the string was written, for diagnostics. */
  location?: Position;
  /** `{% docs %}` blocks, for doc() in schema-file descriptions (compile passes them). */
  docs?: ReadonlyMap<string, DocBlock>;
}

/** True when a string holds a template expression or tag (only those are rendered, for speed). */
export function isTemplated(text: string): boolean {
  return text.includes('{{') || text.includes('{%');
}

/**
 * Renders `{{ env_var('X', 'default') }}`, `{{ var('x', 'default') }}` and, inside a target with a
 * config_file, `{{ dwh_cfg('S3', 'LOG_DATA', 'default') }}` in a config string; throws SparkifyError.
 */
export function renderConfigString(text: string, context: RenderContext): string {
  if (!isTemplated(text)) return text;
  // Our helpers record the first failure and return '' so nunjucks' error wrapping never hides our diagnostic.
  let failure: Diagnostic | undefined;
  const report = (diagnostic: Diagnostic): string => {
    failure ??= diagnostic;
    return '';
  };
  let output: string;
  try {
    output = environment().renderString(text, templateFunctions(context, report));
  } catch (error) {
    throw new SparkifyError(failure ?? templateError(error, context.location));
  }
  if (failure) throw new SparkifyError(failure);
  return output;
}

type Report = (diagnostic: Diagnostic) => string;

function templateFunctions(context: RenderContext, report: Report): Record<string, unknown> {
  return {
    env_var: (...args: unknown[]) => envVar(args, context, report),
    var: (...args: unknown[]) => projectVar(args, context, report),
    dwh_cfg: (...args: unknown[]) => dwhCfg(args, context, report),
    doc: (...args: unknown[]) => docCall(args, context, report),
  };
}

/** `doc('name')`: the text of a `{% docs %}` block (schema files only: compile reads the blocks). */
function docCall(args: unknown[], context: RenderContext, report: Report): unknown {
  const [name] = args;
  if (typeof name !== 'string') return report(badCall('doc', context.location));
  const text = docText(context.docs ?? new Map(), name);
  return typeof text === 'string' ? text : report({ ...text, location: context.location });
}

function envVar(args: unknown[], context: RenderContext, report: Report): unknown {
  const [name, fallback] = args;
  if (typeof name !== 'string') return report(badCall('env_var', context.location));
  const value = context.env[name];
  if (value !== undefined) return value;
  if (args.length > 1) return fallback;
  return report({
    code: ProjectErrors.unsetEnvVar,
    message: `environment variable ${name} is not set and env_var('${name}') has no default`,
    location: context.location,
    hint: `set ${name}, or give a default: env_var('${name}', '...')`,
  });
}

function projectVar(args: unknown[], context: RenderContext, report: Report): unknown {
  const [name, fallback] = args;
  if (typeof name !== 'string') return report(badCall('var', context.location));
  if (context.vars === undefined) {
    return report({
      code: ProjectErrors.badTemplate,
      message: `var('${name}') cannot be used inside vars`,
      location: context.location,
      hint: 'vars may use env_var() only; write the value itself',
    });
  }
  if (Object.hasOwn(context.vars, name)) return context.vars[name];
  if (args.length > 1) return fallback;
  const closest = closestName(name, Object.keys(context.vars));
  return report({
    code: ProjectErrors.unknownVar,
    message: `var('${name}') is not defined and has no default`,
    location: context.location,
    hint: closest
      ? `did you mean '${closest}'?`
      : `define it under vars: in project.yml, pass --vars '{${name}: ...}' or give a default`,
  });
}

/**
 * `dwh_cfg(section, key[, default])`: the value with one pair of wrapping quotes removed. Without the
 * file, the default or else a visible placeholder (compile works offline; build refuses the target).
 */
function dwhCfg(args: unknown[], context: RenderContext, report: Report): unknown {
  const [section, key, fallback] = args;
  const location = context.location;
  if (typeof section !== 'string' || typeof key !== 'string') {
    const hint = "write dwh_cfg('S3', 'LOG_DATA') or dwh_cfg('S3', 'LOG_DATA', 'default')";
    return report({ code: ProjectErrors.badTemplate, message: 'dwh_cfg() needs a section and a key as quoted strings', location, hint });
  }
  const config = context.configFile;
  if (!config) {
    const hint = 'use dwh_cfg() inside a redshift target that has config_file: dwh.cfg';
    return report({ code: ProjectErrors.badTemplate, message: `dwh_cfg('${section}', '${key}') is used outside a target with config_file`, location, hint });
  }
  let value: string | undefined;
  try {
    value = config.value(section, key);
  } catch (error) {
    if (!(error instanceof SparkifyError)) throw error;
    return report({ ...error.diagnostics[0], location });
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
}

function badCall(helper: string, location?: Position): Diagnostic {
  return {
    code: ProjectErrors.badTemplate,
    message: `${helper}() needs a name as a quoted string`,
    location,
    hint: `write ${helper}('NAME') or ${helper}('NAME', 'default')`,
  };
}

/** nunjucks errors read "(unknown path) [Line 1, Column 3]\n  Error: ..."; keep the last line. */
function templateError(error: unknown, location?: Position): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const reason = text.trim().split('\n').pop()?.trim() ?? text;
  return {
    code: ProjectErrors.badTemplate,
    message: `cannot render template: ${reason}`,
    location,
    hint: "config values may use {{ env_var('NAME', 'default') }}, {{ var('name', 'default') }} and, in a target with config_file, {{ dwh_cfg('SECTION', 'KEY') }}",
  };
}

const require = createRequire(import.meta.url);
let cachedEnvironment: Environment | undefined;

/** Loaded on first use: most commands start without any templated config value to render. */
function environment(): Environment {
  if (!cachedEnvironment) {
    const nunjucks = require('nunjucks') as typeof import('nunjucks');
    // Config values are not HTML, and a misspelled name must fail rather than render empty.
    cachedEnvironment = new nunjucks.Environment(null, { autoescape: false, throwOnUndefined: true });
  }
  return cachedEnvironment;
}
