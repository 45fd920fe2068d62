/** FileStore on the local disk: a folder (recursive), a single file or a glob, relative to the project root. */

import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { FileStore, SourceFile } from './file-store.js';
import { readSmallFile } from './small-file.js';
import { walkFolder } from './walk-folder.js';

/** Local files, resolved against `root`. */
export function localFileStore(root: string): FileStore {
  return {
    listFiles: (location) => listLocal(root, location),
    openFile: (file, readBytes) => createReadStream(file.path, { highWaterMark: readBytes }),
    readSync: (file) => readSmallFile(file.path, file.size),
    readFile: (location) => readFile(path.resolve(root, location), 'utf8'),
    close: () => undefined,
  };
}

async function listLocal(root: string, location: string): Promise<SourceFile[]> {
  const absolute = path.resolve(root, location);
  const info = await stat(absolute).catch(() => undefined);
  const display = (file: string) => (path.isAbsolute(location) ? file : path.relative(root, file).split(path.sep).join('/'));
  let files: SourceFile[];
  if (info?.isFile()) files = [{ path: absolute, display: display(absolute), size: info.size, version: String(info.mtimeMs) }];
  // Redshift reads every object under a prefix, whatever its extension; hidden files are skipped.
  else if (info?.isDirectory()) files = walkFolder(absolute, display(absolute));
  else if (fg.isDynamicPattern(location)) files = await Promise.all((await glob(toPattern(location), root)).map(async (file) => {
    const stats = await stat(file);
    return { path: file, display: display(file), size: stats.size, version: String(stats.mtimeMs) };
  }));
  else files = [];
  return files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

function glob(pattern: string, cwd: string): Promise<string[]> {
  return fg(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true }).then((paths) => paths.map((file) => path.normalize(file)));
}

// fast-glob wants forward slashes, also on Windows.
function toPattern(location: string): string {
  return location.split(path.sep).join('/');
}
