/**
 * The INI dialect of Python's configparser, which the seed's etl.py reads dwh.cfg with, so the same
 * file means the same values here. We do not use the `ini` package: it cuts unquoted values at `;`
 * or `#` (a password `pa#ss` would become `pa`), turns `true`/`false` into booleans and JSON-parses
 * quoted values; configparser does none of that.
 */
import type { Diagnostic } from '../diagnostics.js';
import { ProjectErrors } from './error-codes.js';

/** Raw values by section, then by lower-cased key (configparser's optionxform). */
export type ConfigSections = Map<string, Map<string, string>>;

/** The line of each key, by section then lower-cased key. */
export type ConfigLines = Map<string, Map<string, number>>;

/** What parsing found: the sections, where each key is written, and every problem, with its line. */
export interface ParsedConfigFile {
  sections: ConfigSections;
  lines: ConfigLines;
  problems: Diagnostic[];
}

const SECTION = /^\[(.+)\]$/;
const OPTION = /^(.*?)\s*[=:]\s*(.*)$/;

/** Parses configparser INI text: `[SECTION]`, `key = value` or `key: value`, indented continuation lines. */
export function parseConfigFile(text: string, file: string): ParsedConfigFile {
  const sections: ConfigSections = new Map();
  const lines: ConfigLines = new Map();
  const problems: Diagnostic[] = [];
  // Messages never repeat a line's text: it may hold a password.
  const problem = (line: number, message: string, hint: string) =>
    problems.push({ code: ProjectErrors.configFile, message, location: { file, line }, hint });
  let section: Map<string, string> | undefined;
  let sectionName = '';
  let last: { values: Map<string, string>; key: string; indent: number } | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const value = raw.trim();
    const indent = raw.length - raw.trimStart().length;
    if (value === '' || value.startsWith('#') || value.startsWith(';')) return;
    if (last && indent > last.indent) {
      // configparser joins continuation lines with newlines.
      last.values.set(last.key, `${last.values.get(last.key)}\n${value}`);
      return;
    }
    const header = SECTION.exec(value);
    if (header) {
      if (sections.has(header[1])) problem(line, `section [${header[1]}] appears twice`, 'merge the two sections');
      sectionName = header[1];
      section = sections.get(header[1]) ?? new Map();
      sections.set(header[1], section);
      if (!lines.has(header[1])) lines.set(header[1], new Map());
      last = undefined;
      return;
    }
    const option = OPTION.exec(value);
    if (!section || !option || option[1] === '') {
      const hint = section ? 'write KEY = value' : 'start the file with a section header such as [CLUSTER]';
      problem(line, `cannot read line ${line}: ${section ? 'expected KEY = value' : 'a value before any [SECTION]'}`, hint);
      last = undefined;
      return;
    }
    const key = option[1].toLowerCase();
    if (section.has(key)) problem(line, `${option[1]} appears twice in its section`, 'keep one of the two lines');
    section.set(key, option[2]);
    lines.get(sectionName)?.set(key, line);
    last = { values: section, key, indent };
  });
  return { sections, lines, problems };
}

/**
 * configparser's BasicInterpolation, as `get()` applies it: `%%` is a literal `%`, `%(key)s` the value
 * of another key of the section (or of [DEFAULT]). Returns an error message for anything else, which
 * gives the position in the value and never any of its text: the value may be a password.
 */
export function interpolate(raw: string, lookup: (key: string) => string | undefined, depth = 0): string | { error: string } {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] !== '%') {
      out += raw[i];
      continue;
    }
    if (raw[i + 1] === '%') {
      out += '%';
      i++;
      continue;
    }
    const reference = /^%\(([^)]+)\)s/.exec(raw.slice(i));
    const target = reference ? lookup(reference[1].toLowerCase()) : undefined;
    const at = `at character ${i + 1} of the value`;
    if (!reference) return { error: `the '%' ${at} must be written '%%' (configparser interpolation)` };
    if (target === undefined || depth > 10) return { error: `the %(name)s reference ${at} names no key of the section` };
    const nested = interpolate(target, lookup, depth + 1);
    if (typeof nested !== 'string') return { error: `the %(name)s reference ${at} names a key whose value is invalid` };
    out += nested;
    i += reference[0].length - 1;
  }
  return out;
}
