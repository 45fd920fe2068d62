import type { TemplateFile } from '../../compile/project-files.js';
import type { DbtMacro } from '../artifacts/dbt-manifest.js';

// `{% macro name(args) %}`, with whitespace control; arguments are read up to the closing paren.
const MACRO_START = /\{%-?\s*macro\s+([A-Za-z_][\w]*)\s*\(([^)]*)\)\s*-?%\}/g;
const MACRO_END = /\{%-?\s*endmacro\s*-?%\}/g;
// A `{# ... #}` comment right before the macro is taken as its description.
const LEADING_COMMENT = /\{#-?([\s\S]*?)-?#\}\s*$/;

/** The macros of the project's macro files, as dbt's manifest lists them. */
export function readMacros(project: string, files: TemplateFile[]): Record<string, DbtMacro> {
  const macros: Record<string, DbtMacro> = {};
  for (const file of files) {
    for (const match of file.source.matchAll(MACRO_START)) {
      MACRO_END.lastIndex = match.index;
      const end = MACRO_END.exec(file.source);
      const sql = file.source.slice(match.index, end ? end.index + end[0].length : undefined);
      const before = file.source.slice(0, match.index);
      const comment = LEADING_COMMENT.exec(before)?.[1]?.trim() ?? '';
      const id = `macro.${project}.${match[1]}`;
      macros[id] = {
        unique_id: id, name: match[1], resource_type: 'macro', package_name: project, path: file.path, original_file_path: file.path,
        macro_sql: sql, description: comment.replace(/\s*\n\s*/g, ' '),
        arguments: match[2].split(',').map((arg) => arg.split('=')[0].trim()).filter(Boolean).map((name) => ({ name, type: null, description: '' })),
      };
    }
  }
  return macros;
}
