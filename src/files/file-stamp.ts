/**
 * A stamp of files written for a key: the key (a hash of the inputs they were written from) and
 * each file's size and modification time then. While the key is the same and every file is as the
 * stamp saw it, the files need not be written again; a file edited, removed or rewritten since
 * breaks the stamp. Used for target/manifest.json and for target/compiled and target/run.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The stamp file's layout; a stamp of another format is no stamp. */
const FORMAT = 3;

interface Stamp<Note> {
  format: number;
  key: string;
  /** Path relative to the project root → [size, mtimeMs]. */
  files: Record<string, [number, number]>;
  /** What the writer keeps with the stamp (compile's summary line, for one). */
  note: Note;
}

/**
 * The note stamped at `stampFile` (relative to `root`) when it was stamped for `key`, it lists
 * `required`, and every file it lists is unchanged; else undefined.
 */
export function unchangedSince<Note>(root: string, stampFile: string, key: string, required: string): Note | undefined {
  const stamp = readStamp<Note>(join(root, stampFile));
  if (!stamp || stamp.key !== key || !(required in stamp.files)) return undefined;
  for (const [path, [size, mtimeMs]] of Object.entries(stamp.files)) {
    const now = statSync(join(root, path), { throwIfNoEntry: false });
    if (!now || now.size !== size || now.mtimeMs !== mtimeMs) return undefined;
  }
  return stamp.note;
}

/**
 * Stamps `files` (relative to `root`; missing ones are left out) as written for `key`, with `note`.
 * A failure only costs the next run its shortcut, so it is reported under SPARKIFY_DEBUG alone.
 */
export function stampFiles<Note>(root: string, stampFile: string, key: string, files: readonly string[], note: Note): void {
  try {
    const stamped: Stamp<Note>['files'] = {};
    for (const path of files) {
      const info = statSync(join(root, path), { throwIfNoEntry: false });
      if (info) stamped[path] = [info.size, info.mtimeMs];
    }
    const file = join(root, stampFile);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ format: FORMAT, key, files: stamped, note } satisfies Stamp<Note>));
  } catch (error) {
    if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: cannot write ${stampFile}: ${(error as Error).message}\n`);
  }
}

function readStamp<Note>(file: string): Stamp<Note> | undefined {
  try {
    const stamp = JSON.parse(readFileSync(file, 'utf8')) as Stamp<Note>;
    return stamp.format === FORMAT ? stamp : undefined;
  } catch {
    return undefined;
  }
}
