/** FileStore on the local disk: a folder (recursive), a single file or a glob, relative to the project root. */

import { createReadStream, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';
import type { FileStore, SourceFile } from './file-store.js';

/** Local files, resolved against `root`. */
export function localFileStore(root: string): FileStore {
  return {
    listFiles: (location) => listLocal(root, location),
    openFile: (file, readBytes) => createReadStream(file.path, { highWaterMark: readBytes }),
    readSync: (file) => readFileSync(file.path),
    readFile: (location) => readFile(path.resolve(root, location), 'utf8'),
    close: () => undefined,
  };
}

async function listLocal(root: string, location: string): Promise<SourceFile[]> {
  const absolute = path.resolve(root, location);
  const info = await stat(absolute).catch(() => undefined);
  let paths: string[];
  if (info?.isFile()) paths = [absolute];
  // Redshift reads every object under a prefix, whatever its extension; hidden files are skipped.
  else if (info?.isDirectory()) paths = await glob('**/*', absolute);
  else if (fg.isDynamicPattern(location)) paths = await glob(toPattern(location), root);
  else paths = [];
  const files = await Promise.all(paths.map(async (file) => describe(file, root, location)));
  return files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

function glob(pattern: string, cwd: string): Promise<string[]> {
  return fg(pattern, { cwd, absolute: true, onlyFiles: true, dot: false, followSymbolicLinks: true });
}

// fast-glob wants forward slashes, also on Windows.
function toPattern(location: string): string {
  return location.split(path.sep).join('/');
}

async function describe(file: string, root: string, location: string): Promise<SourceFile> {
  const absolute = path.normalize(file);
  const display = path.isAbsolute(location) ? absolute : path.relative(root, absolute).split(path.sep).join('/');
  return { path: absolute, display, size: (await stat(absolute)).size };
}
