/** Templating of config string values: `{{ env_var('X', 'default') }}` and `{{ var('x') }}`. */
import type { Position } from '../diagnostics.js';
import { createRequire } from 'node:module';
import type { Environment } from 'nunjucks';
import { closestName, SparkifyError, type Diagnostic } from '../diagnostics.js';
import { ProjectErrors } from './error-codes.js';

/** What a config template can see and where it was written. */
export interface RenderContext {
  /** Environment for `env_var()`. */
  env: Record<string, string | undefined>;
  /** Vars for `var()`; undefined while project vars themselves are rendered (they may use env_var only). */
  vars?: Record<string, unknown>;
  /**
   * Functions beyond env_var() and var() that engines give config values (Redshift's dwh_cfg(),
   * which reads the target's config_file inside that target's block and explains itself elsewhere).
   */
  functions?: Record<string, ConfigFunction>;
  /** Where the string was written, for diagnostics. */
  location?: Position;
  /** The value is a secret (a password, a URL holding one): a syntax error never repeats its text. */
  secret?: boolean;
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
    throw new SparkifyError(failure ?? templateError(error, context.location, context.secret));
  }
  if (failure) throw new SparkifyError(failure);
  return output;
}

/** Records a template function's failure; returns '' so rendering goes on to the end. */
export type Report = (diagnostic: Diagnostic) => string;

/** A function config templates may call: its arguments, where the value is written, and how to fail. */
export type ConfigFunction = (args: unknown[], call: { location?: Position; report: Report }) => unknown;

function templateFunctions(context: RenderContext, report: Report): Record<string, unknown> {
  return {
    env_var: (...args: unknown[]) => envVar(args, context, report),
    var: (...args: unknown[]) => projectVar(args, context, report),
    ...Object.fromEntries(Object.entries(context.functions ?? {}).map(([name, fn]) => [name, (...args: unknown[]) => fn(args, { location: context.location, report })])),
  };
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

function badCall(helper: string, location?: Position): Diagnostic {
  return {
    code: ProjectErrors.badTemplate,
    message: `${helper}() needs a name as a quoted string`,
    location,
    hint: `write ${helper}('NAME') or ${helper}('NAME', 'default')`,
  };
}

/**
 * nunjucks errors read "(unknown path) [Line 1, Column 3]\n  Error: ..."; keep the last line. Its
 * reason quotes the template ("unknown block tag: x"): for a secret, only the position is given.
 */
function templateError(error: unknown, location?: Position, secret = false): Diagnostic {
  const text = error instanceof Error ? error.message : String(error);
  const reason = text.trim().split('\n').pop()?.trim() ?? text;
  const column = /\[Line \d+, Column (\d+)\]/.exec(text)?.[1];
  const where = column ? ` near character ${column} of the value` : '';
  return {
    code: ProjectErrors.badTemplate,
    message: secret ? `cannot render the template of a secret value${where} (its text is not shown)` : `cannot render template: ${reason}`,
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
    // dbt's type filters for profiles.yml and dbt_project.yml (`port: "{{ env_var('PORT') | as_number }}"`):
    // the rendered text is read by the key's kind, which takes digits and true/false from a template.
    for (const name of ['as_number', 'as_bool', 'as_text', 'as_native']) cachedEnvironment.addFilter(name, (value: unknown) => value);
  }
  return cachedEnvironment;
}
