/**
 * Custom generic tests: dbt's `{% test between(model, column_name, min_value) %}` blocks, or
 * macros whose name starts with `test_` (`{% macro test_between(model, column_name, ...) %}`), in
 * macros/ or tests/generic/. Both define the macro `test_between` (src/jinja/jinja-tags.ts), which
 * returns a query selecting the failing rows. Its signature is read from the source so that a
 * schema file's arguments can be checked before anything renders.
 */
import type { TemplateFile } from '../project/project-files.js';
import type { TestParam } from './builtin-tests.js';

/** A `test_<name>` macro: the test's name, its parameters (without `model`) and where it is defined. */
export interface TestMacro {
  name: string;
  /** The macro's global name, `test_<name>`. */
  macro: string;
  params: TestParam[];
  /** Whether the macro takes `model` (every generic test must). */
  takesModel: boolean;
  file: string;
  line: number;
}

const MACRO = /\{%-?\s*(?:macro\s+test_|test\s+)([A-Za-z_][A-Za-z0-9_]*)\s*\(([^)]*)\)\s*-?%\}/g;

/** Every `test_*` macro of the files; a later definition of a name replaces an earlier one, as globals do. */
export function findTestMacros(files: readonly TemplateFile[]): Map<string, TestMacro> {
  const macros = new Map<string, TestMacro>();
  for (const file of files) {
    for (const match of file.source.matchAll(MACRO)) {
      const params = splitParams(match[2]).map(parseParam);
      macros.set(match[1], {
        name: match[1],
        macro: `test_${match[1]}`,
        params: params.filter((param) => param.name !== 'model'),
        takesModel: params.some((param) => param.name === 'model'),
        file: file.path,
        line: file.source.slice(0, match.index).split('\n').length,
      });
    }
  }
  return macros;
}

/** `a, b=1, c=[1, 2]` → the three parameters: commas inside brackets or quotes do not split. */
function splitParams(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const char of text) {
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ('[{('.includes(char)) depth++;
    else if (']})'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      parts.push(current);
      current = '';
      continue;
    }
    current += char;
  }
  parts.push(current);
  return parts.map((part) => part.trim()).filter(Boolean);
}

function parseParam(text: string): TestParam {
  const equals = text.indexOf('=');
  return equals < 0 ? { name: text, required: true } : { name: text.slice(0, equals).trim(), required: false };
}
