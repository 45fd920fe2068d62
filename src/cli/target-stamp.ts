/**
 * Skips planning every node and writing target/compiled and target/run when a compile finds them as
 * the last compile left them for the same inputs (issue 13: at 5,000 models, planning and comparing
 * 10,000 files with their new text were 40 % of a compile with nothing changed). The stamp in
 * `.sparkify/target-stamp.json` holds the key they were written for and the size and modification
 * time of target/files.json and of every file it lists: a file edited, removed or rewritten since
 * (by hand, or by a build, which writes the statements it ran) sends compile down its usual path.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FILE_INDEX } from '../run/target-files.js';

const FORMAT = 2;

interface Stamp {
  format: number;
  key: string;
  /** What compile said it compiled (the same inputs compile the same nodes). */
  summary: string;
  /** Path relative to the project root → [size, mtimeMs]. */
  files: Record<string, [number, number]>;
}

/** The stamp's file in a project. */
function stampFile(root: string): string {
  return join(root, '.sparkify', 'target-stamp.json');
}

/**
 * When every file the last compile wrote for `key` under `targetDir` is still as it left it, the
 * summary that compile printed; else undefined.
 */
export function unchangedTarget(root: string, targetDir: string, key: string): string | undefined {
  const stamp = readStamp(root);
  if (!stamp || stamp.key !== key || !(join(targetDir, FILE_INDEX) in stamp.files)) return undefined;
  for (const [path, [size, mtimeMs]] of Object.entries(stamp.files)) {
    const now = statSync(join(root, path), { throwIfNoEntry: false });
    if (!now || now.size !== size || now.mtimeMs !== mtimeMs) return undefined;
  }
  return stamp.summary;
}

/** Records the files target/files.json lists (and itself) as written for `key`; a failure only costs the next compile its shortcut. */
export function stampTarget(root: string, targetDir: string, key: string, summary: string): void {
  try {
    const index = JSON.parse(readFileSync(join(root, targetDir, FILE_INDEX), 'utf8')) as { files?: Record<string, string> };
    const files: Stamp['files'] = {};
    for (const path of [FILE_INDEX, ...Object.keys(index.files ?? {})]) {
      const relative = join(targetDir, path);
      const info = statSync(join(root, relative), { throwIfNoEntry: false });
      if (info) files[relative] = [info.size, info.mtimeMs];
    }
    const file = stampFile(root);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ format: FORMAT, key, summary, files } satisfies Stamp));
  } catch (error) {
    if (process.env.SPARKIFY_DEBUG) process.stderr.write(`debug: cannot stamp ${targetDir}: ${(error as Error).message}\n`);
  }
}

function readStamp(root: string): Stamp | undefined {
  try {
    const stamp = JSON.parse(readFileSync(stampFile(root), 'utf8')) as Stamp;
    return stamp.format === FORMAT ? stamp : undefined;
  } catch {
    return undefined;
  }
}
