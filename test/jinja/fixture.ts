/**
 * Compiles fixture projects through the real compile (the project's template environment, macros,
 * schema files, docs blocks), so that each Jinja feature is tested as a model would use it.
 */
import assert from 'node:assert/strict';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { readDataTestFiles } from '../../src/data-tests/index.js';
import { SparkifyError, type Diagnostic } from '../../src/diagnostics.js';
import { readDocFiles } from '../../src/jinja/context/docs-blocks.js';
import type { TemplateLogEntry } from '../../src/jinja/context/template-log.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from '../compile/fixture.js';

/** A compiled fixture and what its templates logged. */
export interface JinjaFixture {
  compiled: CompiledProject;
  logs: TemplateLogEntry[];
}

/** Compiles a fixture project (the compile fixture's project.yml and `raw.events` source plus `files`). */
export function compileJinja(files: Record<string, string>, env: Record<string, string> = {}): JinjaFixture {
  const root = writeProject(files);
  const project = loadProject(root, { env });
  const { modelPaths, macroPaths, testPaths } = project.config;
  const logs: TemplateLogEntry[] = [];
  const compiled = compileProject({
    project, env,
    files: readProjectFiles(root, modelPaths, macroPaths),
    dataTests: readDataTestFiles(root, modelPaths, testPaths),
    docs: readDocFiles(root, modelPaths),
    log: (entry) => logs.push(entry),
  });
  return { compiled, logs };
}

/** The compiled SQL of a model of a compiled fixture. */
export function sqlOf(fixture: JinjaFixture, model: string): string {
  const node = fixture.compiled.manifest.nodes[`model.${model}`];
  assert.ok(node && node.kind === 'model', `no model ${model}`);
  return node.compiledSql;
}

/** Renders each template as a model of one project (`case_<key>`); returns each one's output, trimmed. */
export function renderAll(templates: Record<string, string>, macros = ''): Record<string, string> {
  const files = Object.fromEntries(Object.entries(templates).map(([key, source]) => [`models/case_${key}.sql`, source]));
  const fixture = compileJinja({ ...files, ...(macros ? { 'macros/helpers.sql': macros } : {}) });
  return Object.fromEntries(Object.keys(templates).map((key) => [key, sqlOf(fixture, `case_${key}`).trim()]));
}

/** Renders one template as a model; its output, trimmed. */
export function render(template: string, macros = ''): string {
  return renderAll({ one: template }, macros).one;
}

/** Compiles and expects it to fail; its diagnostics. */
export function compileErrors(files: Record<string, string>): Diagnostic[] {
  try {
    compileJinja(files);
  } catch (error) {
    if (error instanceof SparkifyError) return error.diagnostics;
    throw error;
  }
  assert.fail('expected a compile error');
}

/** The diagnostics of rendering one template as models/m.sql (with optional macros). */
export function renderErrors(template: string, macros = ''): Diagnostic[] {
  return compileErrors({ 'models/m.sql': template, ...(macros ? { 'macros/helpers.sql': macros } : {}) });
}

/** Asserts each case renders to what is expected (a table of template → output). */
export function assertRenders(cases: [string, string][], macros = ''): void {
  const outputs = renderAll(Object.fromEntries(cases.map(([template], i) => [String(i), template])), macros);
  cases.forEach(([template, expected], i) => assert.equal(outputs[String(i)], expected, `template: ${template}`));
}
