import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { readDataTestFiles } from '../../src/data-tests/index.js';
import { loadProject } from '../../src/project/index.js';
import { readSnapshotFiles } from '../../src/snapshots/snapshot-files.js';
import { writeProject } from '../compile/fixture.js';

/** Writes a fixture project with snapshots (path → text) and compiles it as the CLI does. */
export function compileSnapshotFixture(files: Record<string, string>, project?: string): CompiledProject {
  const root = writeProject(project ? { ...files, 'project.yml': project } : files);
  const loaded = loadProject(root, { env: {} });
  const { modelPaths, macroPaths, snapshotPaths, testPaths } = loaded.config;
  return compileProject({
    project: loaded, env: {},
    files: readProjectFiles(root, modelPaths, macroPaths),
    dataTests: readDataTestFiles(root, [...modelPaths, ...snapshotPaths], testPaths),
    snapshots: readSnapshotFiles(root, snapshotPaths),
  });
}
