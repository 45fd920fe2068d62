/**
 * Singular tests: SQL files under `tests/`, templated like models (ref, source, var, macros), that
 * pass when they return no rows. `{{ config(severity='warn', warn_if='>10') }}` sets their config.
 */
import { fileContext } from '../jinja/macro-registry.js';
import { parseThreshold } from '../project/threshold-syntax.js';
import { posix } from 'node:path';
import { closestName } from '../diagnostics.js';
import type { TemplateFile } from '../project/project-files.js';
import { modelId, sourceId } from '../manifest/manifest.js';
import { RenderScope } from '../jinja/render-scope.js';
import { compileTemplate } from '../jinja/template-environment.js';
import { templateErrorToDiagnostic } from '../jinja/template-error.js';
import type { TestNode } from '../manifest/test-node.js';
import type { TestConfigSpec } from '../project/schema-types.js';
import { TestErrors } from './error-codes.js';
import { withFolderTestConfig } from '../project/dbt/test-folder-configs.js';
import { missingRef, testConfig, testFqn, testId, type TestCompileContext } from './test-context.js';

const CONFIG_KEYS = ['severity', 'warn_if', 'error_if', 'tags', 'enabled', 'store_failures'];

/** Compiles one singular test; undefined when it is disabled or wrong (then reported). */
export function compileSingularTest(file: TemplateFile, ctx: TestCompileContext): TestNode | undefined {
  const name = posix.basename(file.path, '.sql');
  const id = testId(name);
  const scope = new RenderScope(name);
  scope.package = file.package?.name;
  ctx.scopes.enter(scope);
  let sql: string;
  try {
    sql = compileTemplate(ctx.env, file.source, file.path).render(fileContext(ctx.env, file));
  } catch (error) {
    ctx.report(templateErrorToDiagnostic(error, file.path, id, scope.raised, file.source));
    return undefined;
  }
  const own = readConfig(scope.config, file, id, ctx);
  const fqn = testFqn(ctx.projectName, file.path, name, file.package);
  const config = own && ctx.folderConfig ? withFolderTestConfig(own, ctx.folderConfig(fqn)) : own;
  if (!config || config.enabled === false || !refsEnabled(scope, file, id, ctx)) return undefined;
  return {
    id,
    kind: 'test',
    name,
    testType: 'singular',
    path: file.path,
    line: 1,
    sqlPath: file.path,
    fqn,
    ...(file.package ? { packageName: file.package.name } : {}),
    config: testConfig(config),
    tags: [...new Set(config.tags ?? [])].sort(),
    refs: scope.refs,
    sources: scope.sources,
    dependsOn: [...scope.sources.map(([s, t]) => sourceId(s, t)), ...scope.refs.map(modelId)],
    // A trailing `;` would end the statement the plan wraps the query in.
    // Markers stay: compile resolves them with the models' (ephemeral CTEs, --defer, --empty).
    compiledSql: sql.replace(/;[\s;]*$/, '\n'),
  };
}

/** config() of a singular test: its keys checked, its values read into a TestConfigSpec. */
function readConfig(given: Record<string, unknown>, file: TemplateFile, id: string, ctx: TestCompileContext): TestConfigSpec | undefined {
  const problems: string[] = [];
  const hints: (string | undefined)[] = [];
  const config: TestConfigSpec = {};
  for (const [key, value] of Object.entries(given)) {
    if (key === 'severity' && ['error', 'warn'].includes(String(value).toLowerCase())) config.severity = String(value).toLowerCase() as 'error' | 'warn';
    else if ((key === 'warn_if' || key === 'error_if') && parseThreshold(String(value))) config[key === 'warn_if' ? 'warnIf' : 'errorIf'] = parseThreshold(String(value));
    else if (key === 'tags') config.tags = Array.isArray(value) ? value.map(String) : [String(value)];
    else if (key === 'enabled') config.enabled = Boolean(value);
    else if (key === 'store_failures') config.storeFailures = Boolean(value);
    else {
      problems.push(CONFIG_KEYS.includes(key) ? `invalid ${key} '${String(value)}'` : `unknown config key '${key}'`);
      hints.push(CONFIG_KEYS.includes(key) ? configHint(key) : unknownKeyHint(key));
    }
  }
  if (problems.length === 0) return config;
  const line = lineOf(file.source, 'config(');
  problems.forEach((message, i) => ctx.report({
    code: TestErrors.badSingularTest, message: `${message} in test ${id.slice('test.'.length)}`, location: { file: file.path, line }, node: id, hint: hints[i],
  }));
  return undefined;
}

function configHint(key: string): string {
  return key === 'severity' ? "use severity='error' or severity='warn'" : `write an operator and a whole number, e.g. ${key}='>10'`;
}

function unknownKeyHint(key: string): string {
  const close = closestName(key, CONFIG_KEYS);
  return close ? `did you mean ${close}=...?` : `a test's config takes ${CONFIG_KEYS.join(', ')}`;
}

function refsEnabled(scope: RenderScope, file: TemplateFile, id: string, ctx: TestCompileContext): boolean {
  const missing = missingRef(scope.refs, ctx);
  if (missing === undefined) return true;
  const disabled = missing.report;
  if (disabled === undefined) return false;
  ctx.report({
    code: TestErrors.badSingularTest,
    message: `test ${id.slice('test.'.length)} refs '${disabled}', which is disabled`,
    location: { file: file.path, line: lineOf(file.source, disabled) },
    node: id,
    hint: `enable ${disabled}, or disable the test with {{ config(enabled=false) }}`,
  });
  return false;
}

function lineOf(source: string, needle: string): number {
  const index = source.indexOf(needle);
  return index < 0 ? 1 : source.slice(0, index).split('\n').length;
}
