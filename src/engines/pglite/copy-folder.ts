/**
 * Copies a folder tree file by file with fs.copyFile (copy_file_range on Linux: the kernel copies),
 * several files at a time. fs.promises.cp does the same job 3–5× slower (it lstats, checks and
 * copies each of a PGlite data directory's ~1,000 files one after another: 0.4–0.6 s against
 * 0.1–0.2 s here), and a new warehouse waits for it in silence.
 */
import { constants, mkdirSync, readdirSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';

// Files copied at once: enough to keep libuv's four threads busy.
const WIDTH = 8;

/** Copies the files and folders under `from` into `to` (created; files in it are overwritten). */
export async function copyFolder(from: string, to: string): Promise<void> {
  const files: string[] = [];
  listInto(from, to, '', files);
  let next = 0;
  const copyNext = async (): Promise<void> => {
    while (next < files.length) {
      const name = files[next++];
      // A clone where the file system can share blocks (btrfs, XFS), a copy elsewhere.
      await copyFile(join(from, name), join(to, name), constants.COPYFILE_FICLONE);
    }
  };
  await Promise.all(Array.from({ length: WIDTH }, copyNext));
}

/** Makes the folders under `to` as it goes, and lists the files (relative names) to copy. */
function listInto(from: string, to: string, relative: string, files: string[]): void {
  mkdirSync(join(to, relative), { recursive: true });
  for (const entry of readdirSync(join(from, relative), { withFileTypes: true })) {
    const name = join(relative, entry.name);
    if (entry.isDirectory()) listInto(from, to, name, files);
    else files.push(name);
  }
}
