/**
 * Skips building target/manifest.json when it is the one written for the same compile inputs
 * (issue 13: at 1,000 models, building dbt's manifest document and comparing it with the file took
 * a third of a compile with nothing changed). The stamp in `.sparkify/manifest-stamp.json` holds the
 * compile key the file was written for and the file's size and modification time then: a file
 * edited or removed by hand is written again. The manifest only differs by the run's time and id,
 * which writeManifest never rewrites a file for.
 */
import { readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TARGET_DIR, writeManifest } from '../run/artifacts.js';
import { manifestDocument } from './artifact-documents.js';
import type { ProjectContext } from './project-context.js';

interface Stamp {
  key: string;
  size: number;
  mtimeMs: number;
}

/** Writes target/manifest.json for the context, unless the file is already the one for its compile key. */
export function writeManifestOf(context: ProjectContext): void {
  const { root, compileKey } = context;
  const manifest = join(root, TARGET_DIR, 'manifest.json');
  const stampFile = join(root, '.sparkify', 'manifest-stamp.json');
  if (compileKey !== undefined && matches(readStamp(stampFile), compileKey, manifest)) return;
  writeManifest(root, manifestDocument(context), context.scrub);
  if (compileKey === undefined) return;
  try {
    const { size, mtimeMs } = statSync(manifest);
    mkdirSync(dirname(stampFile), { recursive: true });
    writeFileSync(stampFile, JSON.stringify({ key: compileKey, size, mtimeMs } satisfies Stamp) + '\n');
  } catch {
    // No stamp: the next run builds the document again.
  }
}

function matches(stamp: Stamp | undefined, key: string, file: string): boolean {
  if (!stamp || stamp.key !== key) return false;
  try {
    const { size, mtimeMs } = statSync(file);
    return size === stamp.size && mtimeMs === stamp.mtimeMs;
  } catch {
    return false;
  }
}

function readStamp(file: string): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}
