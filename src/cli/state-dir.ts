/** `--state DIR`: the artifacts of an earlier run (its target/ folder), read for state: selection, --defer and retry. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fail } from '../diagnostics.js';
import { CliErrors } from './error-codes.js';

/** A JSON artifact of DIR (relative to the working directory, as dbt reads --state); SPK036 when unreadable. */
export function readStateArtifact(dir: string, file: 'manifest.json' | 'run_results.json'): Record<string, unknown> {
  const path = join(resolve(dir), file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return fail(CliErrors.badState, `no ${file} in ${dir} (looked for ${path})`, undefined,
      file === 'manifest.json' ? '--state names the target/ folder of an earlier run: copy it aside, e.g. cp -r target prod-target' : 'run a command first');
  }
  try {
    const document = JSON.parse(text) as unknown;
    if (document !== null && typeof document === 'object' && !Array.isArray(document)) return document as Record<string, unknown>;
  } catch {
    // reported below
  }
  return fail(CliErrors.badState, `${path} is not a JSON document`, undefined, 'it was not written by sparkify or dbt; run the command again');
}
