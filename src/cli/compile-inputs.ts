/**
 * Reads every file compile needs (the load step before the pure compile): the project's templates,
 * schema files, seeds, snapshots and docs, and those of each installed package, whose paths start
 * with the package's folder (`dbt_packages/<name>/models/x.sql`) so that errors point into it.
 */
import { join, posix } from 'node:path';
import type { CompileInput } from '../compile/compile-project.js';
import { readDataTestFiles, type DataTestFiles } from '../data-tests/index.js';
import { readDocFiles } from '../jinja/context/docs-blocks.js';
import type { InstalledPackage } from '../project/packages/installed-packages.js';
import { readProjectFiles, type PackageRef, type TemplateFile } from '../project/project-files.js';
import type { LoadedProject, ProjectConfig } from '../project/types.js';
import { readSeedFiles, type SeedFile } from '../seeds/seed-files.js';
import { readSnapshotFiles } from '../snapshots/snapshot-files.js';
import { schemaFolders } from '../project/schema-files.js';

/** The file parts of a CompileInput. */
export type CompileFiles = Pick<CompileInput, 'files' | 'dataTests' | 'seeds' | 'snapshots' | 'docs'>;

/** The project's files, then each package's. */
export function readCompileFiles(root: string, project: LoadedProject): CompileFiles {
  const own = readProjectParts(root, project.config);
  const packages = project.packages.map((pkg) => tagged(readProjectParts(join(root, pkg.dir), pkg.config), pkg));
  const all = [own, ...packages];
  const templates = (pick: (parts: CompileFiles) => TemplateFile[]) => all.flatMap(pick);
  const tests = (pick: (files: DataTestFiles) => TemplateFile[] | undefined) => all.flatMap((parts) => pick(parts.dataTests!) ?? []);
  return {
    files: { models: templates((p) => p.files.models), macros: templates((p) => p.files.macros) },
    // Schema files beside snapshots document them and declare their tests, as dbt's do.
    dataTests: { schemas: tests((d) => d.schemas), singular: tests((d) => d.singular), generic: tests((d) => d.generic), fixtures: tests((d) => d.fixtures) },
    seeds: all.flatMap((parts) => parts.seeds ?? []),
    snapshots: templates((p) => p.snapshots ?? []),
    docs: templates((p) => p.docs ?? []),
  };
}

function readProjectParts(root: string, config: ProjectConfig): CompileFiles {
  return {
    files: readProjectFiles(root, config.modelPaths, config.macroPaths),
    // Schema files beside seeds and snapshots document them and declare their tests, as dbt's do.
    dataTests: readDataTestFiles(root, schemaFolders(config), config.testPaths),
    seeds: readSeedFiles(root, config.seedPaths),
    snapshots: readSnapshotFiles(root, config.snapshotPaths),
    docs: readDocFiles(root, config.modelPaths),
  };
}

/** A package's files with root-relative paths, tagged with the package. */
function tagged(parts: CompileFiles, pkg: InstalledPackage): CompileFiles {
  const ref: PackageRef = { name: pkg.name, dir: pkg.dir };
  const tag = <F extends TemplateFile | SeedFile>(files: F[] | undefined): F[] => (files ?? []).map((file) => ({ ...file, path: posix.join(pkg.dir, file.path), package: ref }));
  const tests = parts.dataTests!;
  return {
    files: { models: tag(parts.files.models), macros: tag(parts.files.macros) },
    dataTests: { schemas: tag(tests.schemas), singular: tag(tests.singular), generic: tag(tests.generic), fixtures: tag(tests.fixtures) },
    seeds: tag(parts.seeds),
    snapshots: tag(parts.snapshots),
    docs: tag(parts.docs),
  };
}
