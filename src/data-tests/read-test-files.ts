/** Reads the files data tests come from, so that compiling them stays pure. */
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import fg from 'fast-glob';
import type { TemplateFile } from '../project/project-files.js';
import { readSchemaFiles } from '../project/schema-files.js';
import type { DataTestFiles } from './compile-data-tests.js';

/** Schema files under `schemaFolders` (schemaFolders(config)); singular tests and generic-test macros under the test paths. */
export function readDataTestFiles(root: string, schemaFolders: string[], testPaths: string[]): DataTestFiles {
  const generic = testPaths.map((folder) => `${clean(folder)}/generic/**/*.sql`);
  return {
    schemas: readSchemaFiles(root, schemaFolders),
    singular: read(root, testPaths.map((folder) => `${clean(folder)}/**/*.sql`), generic),
    generic: read(root, generic),
    fixtures: read(root, testPaths.map((folder) => `${clean(folder)}/fixtures/**/*.csv`)),
  };
}

function clean(folder: string): string {
  return folder.replace(/\\/g, '/').replace(/\/+$/, '');
}

function read(root: string, patterns: string[], ignore: string[] = []): TemplateFile[] {
  const paths = fg.sync(patterns, { cwd: root, onlyFiles: true, dot: false, ignore }).sort();
  return paths.map((path) => ({ path, source: readFileSync(posix.join(root, path), 'utf8') }));
}
