import assert from 'node:assert/strict';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { readDataTestFiles } from '../../src/data-tests/index.js';
import { SparkifyError } from '../../src/diagnostics.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from '../compile/fixture.js';

/** Two models over the fixture source: `users` (user_id, level) and `plays` (user_id), which refs users. */
export const MODELS = {
  'models/users.sql': "select id as user_id, kind as level from {{ source('raw', 'events') }}\n",
  'models/marts/plays.sql': "select id as play_id, id as user_id from {{ ref('users') }}\n",
};

/** Loads and compiles a fixture project with its schema files and tests. */
export function compileWithTests(files: Record<string, string>): CompiledProject {
  const root = writeProject({ ...MODELS, ...files });
  const project = loadProject(root, { env: {} });
  const { modelPaths, macroPaths, testPaths } = project.config;
  return compileProject({
    project,
    files: readProjectFiles(root, modelPaths, macroPaths),
    env: {},
    dataTests: readDataTestFiles(root, modelPaths, testPaths),
  });
}

/** Compiles and expects a SparkifyError; returns it. */
export function compileErrors(files: Record<string, string>): SparkifyError {
  try {
    compileWithTests(files);
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  assert.fail('expected compile errors');
}

/** Each diagnostic as "CODE file:line:column message". */
export function describeDiagnostics(error: SparkifyError): string[] {
  return error.diagnostics.map((d) => `${d.code} ${d.location?.file}:${d.location?.line}:${d.location?.column} ${d.message}`);
}

/** Joins lines with newlines, so a fixture's line N is the N-th argument. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}
