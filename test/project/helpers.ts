/** Helpers for project-loading tests: throwaway project folders and compact views of errors. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatLocation, SparkifyError } from '../../src/diagnostics.js';
import { loadProject, type LoadedProject, type LoadProjectOptions } from '../../src/project/index.js';
import { tempDir } from '../support/temp-dir.js';

/** Joins lines with newlines, so a fixture's line N is the N-th argument. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}

/** Writes the files into a new temporary folder and returns its path. */
export function tempProject(files: Record<string, string>): string {
  const root = tempDir('sparkify-project-');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, name), text);
  return root;
}

/** A minimal valid project.yml. */
export const minimalProject = lines('name: demo');

/** Loads a project written from `files` (project.yml defaults to the minimal one). */
export function load(files: Record<string, string>, options: Partial<LoadProjectOptions> = {}): LoadedProject {
  const root = tempProject({ 'project.yml': minimalProject, ...files });
  return loadProject(root, { env: {}, ...options });
}

/** Loads and expects a SparkifyError (exit code 2); returns it. */
export function loadError(files: Record<string, string>, options: Partial<LoadProjectOptions> = {}): SparkifyError {
  let caught: unknown;
  try {
    load(files, options);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof SparkifyError, `expected a SparkifyError, got ${String(caught)}`);
  assert.equal(caught.exitCode, 2);
  return caught;
}

/** Each diagnostic as "CODE file:line", the shape most assertions compare. */
export function where(error: SparkifyError): string[] {
  return error.diagnostics.map((d) => {
    const at = d.location ? formatLocation({ ...d.location, column: undefined }) : '-';
    return `${d.code} ${at}`;
  });
}

/** The single diagnostic of an error (fails when there are several). */
export function only(error: SparkifyError) {
  assert.equal(error.diagnostics.length, 1, error.message);
  return error.diagnostics[0];
}
