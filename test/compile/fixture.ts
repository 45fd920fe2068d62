import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { loadProject } from '../../src/project/index.js';
import { tempDir } from '../support/temp-dir.js';

/** A minimal project.yml with one pglite target. */
export const PROJECT_YML = `name: fixture
vars:
  start_day: 1
targets:
  dev:
    type: pglite
    path: .sparkify/dev
`;

/** sources.yml with one source table. */
export const SOURCES_YML = `sources:
  - name: raw
    tables:
      - name: events
        location: data/events
        jsonpaths: auto
        columns:
          - name: id
            type: integer
          - name: kind
            type: varchar(16)
`;

/** Writes a fixture project (path → text) into a temp folder and returns its root. */
export function writeProject(files: Record<string, string>): string {
  const root = tempDir('sparkify-compile-');
  const all = { 'project.yml': PROJECT_YML, 'sources.yml': SOURCES_YML, ...files };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

/** Loads and compiles a fixture project. */
export function compileFixture(files: Record<string, string>, env: Record<string, string> = {}, varsText?: string): CompiledProject {
  const root = writeProject(files);
  const project = loadProject(root, { env, varsText });
  return compileProject({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env });
}
