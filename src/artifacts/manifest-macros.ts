/** Macros in dbt's manifest shape, read from the macro files (macros/, tests/generic/). */
import type { TemplateFile } from '../project/project-files.js';

/**
 * `{% macro name(` … `{% endmacro %}`, and `{% test name(` … `{% endtest %}` (a generic test, which
 * dbt lists as the macro `test_<name>`), with the whitespace-control dashes.
 */
const MACRO = /\{%-?\s*(macro|test)\s+([A-Za-z_][A-Za-z0-9_]*)\s*\([\s\S]*?\{%-?\s*end\1\s*-?%\}/g;

/** A `{# … #}` comment right before a macro: its description (dbt takes one from a schema file; sparkify also from there). */
const LEADING_COMMENT = /\{#-?([\s\S]*?)-?#\}\s*$/;

/** One entry per macro defined in the files, keyed `macro.<project>.<name>`, in name order. */
export function dbtMacros(files: TemplateFile[], projectName: string): Record<string, unknown> {
  const macros: [string, Record<string, unknown>][] = [];
  for (const file of files) {
    for (const match of file.source.matchAll(MACRO)) {
      const name = match[1] === 'test' ? `test_${match[2]}` : match[2];
      const id = `macro.${projectName}.${name}`;
      macros.push([id, {
        name, resource_type: 'macro', package_name: projectName, path: file.path, original_file_path: file.path,
        unique_id: id, macro_sql: match[0], depends_on: { macros: [] }, description: leadingComment(file.source.slice(0, match.index)), meta: {},
        docs: { show: true, node_color: null }, patch_path: null, arguments: [], supported_languages: null,
      }]);
    }
  }
  return Object.fromEntries(macros.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The comment a macro's text is preceded by, on one line; '' when there is none. */
function leadingComment(before: string): string {
  return (LEADING_COMMENT.exec(before)?.[1] ?? '').trim().replace(/\s*\n\s*/g, ' ');
}
