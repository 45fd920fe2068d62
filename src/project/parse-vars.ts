/** Parsing of the `--vars` command-line option. */
import { parse } from 'yaml';
import { SparkifyError } from '../diagnostics.js';
import { ProjectErrors } from '../config/error-codes.js';

const example = `pass a mapping, e.g. --vars '{data_root: data}' or --vars '{"data_root": "data"}'`;

/** Parses --vars text (YAML or JSON object); SparkifyError SPK002 when it is not a mapping. */
export function parseVars(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    // JSON is YAML, so one parser takes both spellings.
    value = parse(text, { prettyErrors: false });
  } catch (error) {
    throw varsError(`--vars is not valid YAML or JSON: ${(error as Error).message.split('\n')[0]}`);
  }
  if (isMapping(value)) return value;
  throw varsError(`--vars must be a mapping of names to values, got ${describeValue(value)}`);
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value} (${JSON.stringify(value)})`;
}

function varsError(message: string): SparkifyError {
  return new SparkifyError({ code: ProjectErrors.badVars, message, hint: example }, 2);
}
