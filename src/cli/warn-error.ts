/**
 * dbt's --warn-error and --warn-error-options (docs: reference/global-configs/warnings): which
 * warnings become errors, and which are silenced. Warnings are named by their SPK code (SPK040), or
 * by dbt's event name for results that warn: LogTestResult (a test of severity warn that found rows)
 * and LogFreshnessResult (a source past warn_after).
 */
import { fail } from '../diagnostics.js';
import { parseVars } from '../project/parse-vars.js';
import { CliErrors } from './error-codes.js';

/** What becomes an error and what is not printed. */
export interface WarnErrorPolicy {
  promotes(name: string): boolean;
  silences(name: string): boolean;
}

/** Nothing is promoted or silenced. */
const NO_WARN_ERROR: WarnErrorPolicy = { promotes: () => false, silences: () => false };

/** The policy of `--warn-error` (everything is an error) and `--warn-error-options '{"error": ..., "warn": [...], "silence": [...]}'`. */
export function warnErrorPolicy(warnError: boolean | undefined, optionsText: string | undefined): WarnErrorPolicy {
  if (!optionsText) return warnError ? { promotes: () => true, silences: () => false } : NO_WARN_ERROR;
  const options = readOptions(optionsText);
  // dbt 1.8 renamed include/exclude to error/warn; both are accepted.
  const error = options.error ?? options.include;
  const warn = names(options.warn ?? options.exclude, 'warn');
  const silence = names(options.silence, 'silence');
  const all = warnError || error === 'all' || error === '*';
  const listed = names(error === 'all' || error === '*' ? [] : error, 'error');
  return {
    promotes: (name) => !warn.includes(name) && !silence.includes(name) && (all || listed.includes(name)),
    silences: (name) => silence.includes(name),
  };
}

function readOptions(text: string): Record<string, unknown> {
  try {
    return parseVars(text);
  } catch {
    return fail(CliErrors.badWarnErrorOptions, `--warn-error-options is not a YAML or JSON mapping: ${text}`, undefined,
      'e.g. --warn-error-options \'{"error": "all", "warn": ["SPK040"]}\'');
  }
}

function names(value: unknown, key: string): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return fail(CliErrors.badWarnErrorOptions, `\`${key}\` of --warn-error-options must be a list of names`, undefined,
    'name warnings by their code (SPK040) or dbt event name (LogTestResult, LogFreshnessResult)');
}
