/**
 * Lists a folder's files recursively, with their sizes, synchronously. For thousands of small files
 * this is several times faster than fast-glob plus an async stat per file (issue 13: 20,000 song
 * files took 1.5–2 s to list that way): each async call pays a trip through libuv's thread pool,
 * while a stat of a cached inode takes microseconds. Paths are built by concatenation, not
 * path.join, which showed in the profile too.
 */

import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from './file-store.js';

/**
 * Every file under `folder`, as fast-glob's `**\/*` with `dot: false` and followed symbolic links
 * would list them: hidden entries (names starting with `.`) skipped, folders a link points to
 * entered once (a link loop ends there). `display` is how messages name `folder` ('' for the root).
 */
export function walkFolder(folder: string, display: string): SourceFile[] {
  const found: SourceFile[] = [];
  const entered = new Set<string>();
  const walk = (dir: string, shown: string): void => {
    const id = folderId(dir);
    if (entered.has(id)) return;
    entered.add(id);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const file = { path: dir + path.sep + entry.name, display: shown === '' ? entry.name : `${shown}/${entry.name}`, size: 0 };
      visit(file, entry, walk, found);
    }
  };
  walk(folder, display);
  return found;
}

function visit(file: SourceFile, entry: Dirent, walk: (dir: string, shown: string) => void, found: SourceFile[]): void {
  if (entry.isDirectory()) return walk(file.path, file.display);
  if (!entry.isFile() && !entry.isSymbolicLink()) return;
  const info = statSync(file.path, { throwIfNoEntry: false }); // follows links; a dangling one is skipped
  if (info?.isDirectory()) walk(file.path, file.display);
  else if (info?.isFile()) found.push({ ...file, size: info.size, version: String(info.mtimeMs) });
}

function folderId(dir: string): string {
  const info = statSync(dir);
  return `${info.dev}:${info.ino}`;
}
