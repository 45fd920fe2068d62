import nunjucks from 'nunjucks';
import { installJinja } from '../jinja/install-jinja.js';
import { literalQuoter, quoteIdentifier, sqlLiteral } from '../sql/quote.js';

/**
 * Nunjucks configured for SQL: no HTML autoescape (it would mangle quotes), undefined values are
 * errors rather than silent empty strings, and whitespace is left alone so compiled lines match
 * template lines. `| literal` quotes strings as the target type's engine reads them (literalQuoter).
 * Templates are dbt's Jinja (src/jinja): its syntax, tags, filters, tests and Python semantics.
 */
export function createTemplateEnvironment(targetType: string): nunjucks.Environment {
  const env = new nunjucks.Environment(null, {
    autoescape: false,
    throwOnUndefined: true,
    trimBlocks: false,
    lstripBlocks: false,
  });
  installJinja(env);
  // Vars and environment values are data: these filters turn them into safe SQL.
  const quote = literalQuoter(targetType);
  env.addFilter('literal', (value: unknown) => sqlLiteral(value, quote));
  env.addFilter('ident', (value: unknown) => quoteIdentifier(String(value)));
  return env;
}

/** Compiles one template eagerly, so syntax errors surface now with the template's path. */
export function compileTemplate(env: nunjucks.Environment, source: string, path: string): nunjucks.Template {
  return new nunjucks.Template(source, env, path, true);
}
