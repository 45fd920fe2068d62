/**
 * Projects with installed packages, written into a temp folder (packages straight under
 * dbt_packages/, as `sparkify deps` leaves them) and compiled through the real load and compile.
 */
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { basename, join } from 'node:path';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readCompileFiles } from '../../src/cli/compile-inputs.js';
import { SparkifyError, type Diagnostic } from '../../src/diagnostics.js';
import type { TemplateLogEntry } from '../../src/jinja/context/template-log.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from '../compile/fixture.js';
import { REPO_ROOT } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

/** A package's dbt_project.yml with `name` (and more lines). */
export function packageProject(name: string, extra = ''): string {
  return `name: ${name}\nversion: '1.0.0'\nconfig-version: 2\n${extra}`;
}

/** A compiled project and what its templates logged. */
export interface PackagedFixture {
  root: string;
  compiled: CompiledProject;
  logs: TemplateLogEntry[];
}

/** Writes `files` (the compile fixture's project.yml and sources.yml by default) and compiles with every package. */
export function compilePackaged(files: Record<string, string>, target?: string): PackagedFixture {
  const root = writeProject(files);
  const project = loadProject(root, { env: {}, targetName: target });
  const logs: TemplateLogEntry[] = [];
  const compiled = compileProject({ project, env: {}, ...readCompileFiles(root, project), log: (entry) => logs.push(entry) });
  return { root, compiled, logs };
}

/** The compiled SQL of a model, trimmed. */
export function modelSql(fixture: PackagedFixture, name: string): string {
  const node = fixture.compiled.manifest.nodes[`model.${name}`];
  assert.ok(node?.kind === 'model', `no model ${name}`);
  return node.compiledSql.trim();
}

/** The diagnostics of a compile that must fail. */
export function packagedErrors(files: Record<string, string>, target?: string): Diagnostic[] {
  try {
    compilePackaged(files, target);
  } catch (error) {
    if (error instanceof SparkifyError) return error.diagnostics;
    throw error;
  }
  assert.fail('expected a compile error');
}

/** A copy of test/packages/fixtures: the project in `<dir>/pkg_shop`, its local packages beside it. */
export function copyPackagedShop(): { dir: string; app: string } {
  const dir = tempDir('sparkify-pkg-shop-');
  // Only the fixture's own files: a reader who ran the README's example there left what the CLI writes.
  const written = new Set(['dbt_packages', '.sparkify', 'target']);
  cpSync(join(REPO_ROOT, 'test/packages/fixtures'), dir, { recursive: true, filter: (source) => !written.has(basename(source)) });
  return { dir, app: join(dir, 'pkg_shop') };
}
