import nunjucks from 'nunjucks';
import { installJinja } from './install-jinja.js';
import { sqlLiteral, type SqlQuoting } from '../sql/quote.js';

/**
 * Nunjucks configured for SQL: no HTML autoescape (it would mangle quotes), undefined values are
 * errors rather than silent empty strings, and whitespace is left alone so compiled lines match
 * template lines. `| literal` and `| ident` quote as the target's engine reads them (its SqlQuoting).
 * Templates are dbt's Jinja (src/jinja): its syntax, tags, filters, tests and Python semantics.
 */
export function createTemplateEnvironment(quoting: SqlQuoting): nunjucks.Environment {
  const env = new nunjucks.Environment(null, {
    autoescape: false,
    throwOnUndefined: true,
    trimBlocks: false,
    lstripBlocks: false,
  });
  installJinja(env);
  // Vars and environment values are data: these filters turn them into safe SQL.
  env.addFilter('literal', (value: unknown) => sqlLiteral(value, quoting.literal));
  env.addFilter('ident', (value: unknown) => quoting.identifier(String(value)));
  return env;
}

/** Compiles one template eagerly, so syntax errors surface now with the template's path. */
export function compileTemplate(env: nunjucks.Environment, source: string, path: string): nunjucks.Template {
  return new nunjucks.Template(source, env, path, true);
}
