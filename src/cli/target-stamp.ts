/**
 * Skips planning every node and writing target/compiled and target/run when a compile finds them as
 * the last compile left them for the same inputs (issue 13: at 5,000 models, planning and comparing
 * 10,000 files with their new text were 40 % of a compile with nothing changed). The stamp in
 * `.sparkify/target-stamp.json` (files/file-stamp.ts) covers target/files.json and every file it
 * lists: a file edited, removed or rewritten since (by hand, or by a build, which writes the
 * statements it ran) sends compile down its usual path.
 */
import { join } from 'node:path';
import { stampFiles, unchangedSince } from '../files/file-stamp.js';
import { FILE_INDEX } from '../run/target-files.js';

const STAMP_FILE = join('.sparkify', 'target-stamp.json');

/**
 * When every file the last compile wrote for `key` under `targetDir` is still as it left it, the
 * summary that compile printed; else undefined.
 */
export function unchangedTarget(root: string, targetDir: string, key: string): string | undefined {
  return unchangedSince<string>(root, STAMP_FILE, key, join(targetDir, FILE_INDEX));
}

/**
 * Records `written` (the files target/files.json lists, and itself, as writeCompiledFiles returns
 * them) as written for `key`; a failure only costs the next compile its shortcut.
 */
export function stampTarget(root: string, targetDir: string, key: string, written: readonly string[], summary: string): void {
  stampFiles(root, STAMP_FILE, key, written.map((path) => join(targetDir, path)), summary);
}
