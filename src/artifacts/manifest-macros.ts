/** Macros in dbt's manifest shape, read from the macro files (macros/, tests/generic/). */
import type { TemplateFile } from '../project/project-files.js';
import { pathInPackage } from '../project/packages/installed-packages.js';

/** `{% macro name(` … `{% endmacro %}`, with nunjucks' whitespace-control dashes. */
const MACRO = /\{%-?\s*macro\s+([A-Za-z_][A-Za-z0-9_]*)\s*\([\s\S]*?\{%-?\s*endmacro\s*-?%\}/g;

/** One entry per macro defined in the files, keyed `macro.<package>.<name>` (the project's own: its name), in name order. */
export function dbtMacros(files: TemplateFile[], projectName: string): Record<string, unknown> {
  const macros: [string, Record<string, unknown>][] = [];
  for (const file of files) {
    const packageName = file.package?.name ?? projectName;
    const path = file.package ? pathInPackage(file.path, file.package.dir) : file.path;
    for (const match of file.source.matchAll(MACRO)) {
      const id = `macro.${packageName}.${match[1]}`;
      macros.push([id, {
        name: match[1], resource_type: 'macro', package_name: packageName, path, original_file_path: path,
        unique_id: id, macro_sql: match[0], depends_on: { macros: [] }, description: '', meta: {},
        docs: { show: true, node_color: null }, patch_path: null, arguments: [], supported_languages: null,
      }]);
    }
  }
  return Object.fromEntries(macros.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
