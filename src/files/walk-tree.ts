/**
 * A folder's files, recursively and synchronously, as fast-glob's `**` with `dot: false` and followed
 * links lists them: hidden entries (names starting with `.`) skipped, a folder that a link points to
 * entered once (a link loop ends there), a dangling link skipped. For thousands of small files this
 * is several times faster than fast-glob (issue 13): no matcher per entry, and a stat only for
 * links and folders. Paths are built by concatenation, not path.join, which showed in profiles.
 */

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Calls `onFile` with each file's path (`folder` + separators) and how it is shown (`display` +
 * `/`-separated names; `display` '' shows names alone). A `folder` that is not one calls nothing.
 */
export function walkTree(folder: string, display: string, onFile: (file: string, shown: string) => void): void {
  const entered = new Set<string>();
  const walk = (dir: string, shown: string): void => {
    const info = statSync(dir, { throwIfNoEntry: false });
    if (!info?.isDirectory()) return;
    const id = `${info.dev}:${info.ino}`;
    if (entered.has(id)) return;
    entered.add(id);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = dir + path.sep + entry.name;
      const child = shown === '' ? entry.name : `${shown}/${entry.name}`;
      if (entry.isDirectory()) walk(file, child);
      else if (entry.isFile()) onFile(file, child);
      else if (entry.isSymbolicLink()) {
        const target = statSync(file, { throwIfNoEntry: false }); // follows the link
        if (target?.isDirectory()) walk(file, child);
        else if (target?.isFile()) onFile(file, child);
      }
    }
  };
  walk(folder, display);
}

/**
 * The files under `folder` (relative to `root`, `/`-separated) whose names end in one of
 * `extensions`, as project-relative `/`-separated paths.
 */
function filesUnder(root: string, folder: string, extensions: readonly string[]): string[] {
  const base = folder.replace(/\\/g, '/').replace(/\/+$/, '');
  const found: string[] = [];
  walkTree(path.resolve(root, base), base, (_file, shown) => {
    if (extensions.some((extension) => shown.endsWith(extension))) found.push(shown);
  });
  return found;
}

/** A file read from the project: its project-relative `/`-separated path and its text. */
export interface ReadFile {
  path: string;
  source: string;
}

/**
 * Every file under `folders` (project-relative, taken literally, as dbt takes its `*-paths`) whose
 * name ends in one of `extensions`, read, in path order, each once.
 */
export function readFilesUnder(root: string, folders: readonly string[], extensions: readonly string[]): ReadFile[] {
  const paths = [...new Set(folders.flatMap((folder) => filesUnder(root, folder, extensions)))].sort();
  return paths.map((file) => ({ path: file, source: readFileSync(path.resolve(root, file), 'utf8') }));
}
