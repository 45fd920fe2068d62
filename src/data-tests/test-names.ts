/**
 * dbt's names for generic tests (core/dbt/parser/generic_test_builders.py,
 * synthesize_generic_test_names): the test, the model, then every argument value in key order,
 * non-identifier characters replaced by `_` — `relationships_songplays_user_id__user_id__ref_users_`.
 */
import { createHash } from 'node:crypto';

/** The full name (the node's name and id) and a short one for file names. */
export interface TestNames {
  name: string;
  fileName: string;
}

/** Names the test `test` on `model` called with `args` (column_name included). */
export function synthesizeTestName(test: string, model: string, args: Record<string, unknown>): TestNames {
  const parts = Object.keys(args)
    .filter((key) => key !== 'model')
    .sort()
    .flatMap((key) => flatten(args[key]))
    .map((part) => part.replace(/[^0-9a-zA-Z_]+/g, '_'));
  const identifier = `${test}_${model}`;
  const name = `${identifier}_${parts.join('__')}`;
  // dbt keeps file names under 64 characters: a prefix plus an md5 of the full name.
  if (name.length < 64) return { name, fileName: name };
  const hash = createHash('md5').update(name).digest('hex');
  return { name, fileName: `${identifier.slice(0, 30)}_${hash}` };
}

/** A value's parts as Python's str() prints them, which is what dbt joins. */
function flatten(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(pythonStr);
  if (value !== null && typeof value === 'object') return Object.values(value).map(pythonStr);
  return [pythonStr(value)];
}

function pythonStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
