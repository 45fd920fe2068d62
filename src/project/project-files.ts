import { readFilesUnder, type ReadFile } from '../files/walk-tree.js';

/** An installed package a file belongs to: its name and its folder (`dbt_packages/<name>`). */
export interface PackageRef {
  name: string;
  dir: string;
}

/** A template file read from the project: its project-relative path and text. */
export interface TemplateFile extends ReadFile {
  /** The installed package the file comes from (its path starts with the package's folder); absent for the project's own. */
  package?: PackageRef;
}

/** The model and macro templates of a project, read once so that compiling stays pure. */
export interface ProjectFiles {
  models: TemplateFile[];
  macros: TemplateFile[];
}

/** Reads every `*.sql` under the model and macro folders, sorted by path. */
export function readProjectFiles(root: string, modelPaths: string[], macroPaths: string[]): ProjectFiles {
  return { models: readSqlFiles(root, modelPaths), macros: readSqlFiles(root, macroPaths) };
}

function readSqlFiles(root: string, folders: string[]): TemplateFile[] {
  return readFilesUnder(root, folders, ['.sql']);
}
