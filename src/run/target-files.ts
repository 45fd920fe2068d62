/**
 * Writes under target/ that skip unchanged files and remove stale ones. A compile of a large project
 * rewrote thousands of identical files (40% of `sparkify compile` at 5,000 models), and files of
 * deleted models stayed behind, misleading whoever reviews target/. An index, target/files.json,
 * remembers which node wrote each file under compiled/ and run/, so a file is removed only when its
 * node is gone, whichever command (compile, or a build of a few nodes) writes next.
 */

import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';

/** target/files.json, relative to target/. */
export const FILE_INDEX = 'files.json';
const INDEX_VERSION = 1;

/** One file to write: its path relative to the project root, the id of the node it belongs to, its text. */
export interface OwnedFile {
  path: string;
  owner: string;
  text: string;
}

/** Writes `text` to `path` unless the file already holds exactly it; true when it wrote. */
export function writeIfChanged(path: string, text: string): boolean {
  try {
    // Reading is far cheaper than rewriting (no truncate, no new blocks, no mtime/journal update).
    if (readFileSync(path, 'utf8') === text) return false;
  } catch {
    // Missing or unreadable: write it.
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  return true;
}

/**
 * Writes `files` under `root/targetDir` and removes the indexed files whose owner is no longer
 * `alive` (and that were not written now). Files the index does not know (written before it
 * existed, or by hand) are left alone. Returns the paths the new index lists (relative to
 * `targetDir`), FILE_INDEX itself first.
 */
export function syncOwnedFiles(root: string, targetDir: string, files: OwnedFile[], alive: (owner: string) => boolean): string[] {
  const target = join(root, targetDir);
  const previous = readIndex(target);
  const next: Record<string, string> = {};
  for (const file of files) {
    writeIfChanged(join(root, file.path), file.text);
    next[relativeTo(targetDir, file.path)] = file.owner;
  }
  for (const [path, owner] of Object.entries(previous)) {
    if (path in next) continue;
    if (alive(owner)) next[path] = owner;
    else if (isOwnedPath(path)) removeFile(target, path);
  }
  writeIfChanged(join(target, FILE_INDEX), JSON.stringify({ schemaVersion: INDEX_VERSION, files: sorted(next) }, null, 2) + '\n');
  return [FILE_INDEX, ...Object.keys(next)];
}

function readIndex(target: string): Record<string, string> {
  try {
    const index = JSON.parse(readFileSync(join(target, FILE_INDEX), 'utf8')) as { schemaVersion?: number; files?: Record<string, string> };
    return index.schemaVersion === INDEX_VERSION && index.files ? index.files : {};
  } catch {
    return {};
  }
}

/** Only files under compiled/ and run/ are ever removed, whatever a (hand-edited) index says. */
function isOwnedPath(path: string): boolean {
  const clean = normalize(path);
  return !isAbsolute(clean) && (clean.startsWith(`compiled${sep}`) || clean.startsWith(`run${sep}`)) && !clean.split(sep).includes('..');
}

/** Removes the file, then its folders as far up as they are empty (not compiled/ or run/ themselves). */
function removeFile(target: string, path: string): void {
  rmSync(join(target, path), { force: true });
  for (let dir = dirname(normalize(path)); dir.includes(sep); dir = dirname(dir)) {
    try {
      rmdirSync(join(target, dir));
    } catch {
      return; // not empty (or already gone): the folders above are not empty either
    }
  }
}

function relativeTo(targetDir: string, path: string): string {
  const prefix = targetDir + sep;
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

function sorted(files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
