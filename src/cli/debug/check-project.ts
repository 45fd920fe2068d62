/** `sparkify debug`: are project.yml and sources.yml valid, and do the models compile? */

import { loadProject } from '../../project/index.js';
import type { LoadedProject } from '../../project/types.js';
import { loadProjectContext, type GlobalOptions } from '../project-context.js';
import { failed, passed, type CheckResult } from './check.js';

/** Reads project.yml and sources.yml; the project when they are valid. */
export function checkProjectFiles(root: string, options: GlobalOptions): { result: CheckResult; project?: LoadedProject } {
  const name = 'project files';
  try {
    const project = loadProject(root, { varsText: options.vars, targetName: options.target, env: process.env });
    const tables = project.sources.length;
    const targets = Object.keys(project.config.targets).join(', ');
    const detail = `project.yml and sources.yml are valid (project ${project.config.name}, ${tables} source table${tables === 1 ? '' : 's'}, targets ${targets})`;
    return { result: passed(name, detail), project };
  } catch (error) {
    return { result: failed(name, 'project.yml or sources.yml has problems', error) };
  }
}

/** Compiles every model, exactly as build and compile do (nothing is written). */
export function checkModels(options: GlobalOptions): CheckResult {
  const name = 'models';
  try {
    const { manifest } = loadProjectContext(options).compiled;
    const kinds = Object.values(manifest.nodes).map((node) => node.kind);
    const models = kinds.filter((kind) => kind === 'model').length;
    return passed(name, `${models} model${models === 1 ? '' : 's'} compile`);
  } catch (error) {
    return failed(name, 'the models do not compile', error);
  }
}
