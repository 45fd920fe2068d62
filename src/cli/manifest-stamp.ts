/**
 * Skips building target/manifest.json when it is the one written for the same compile inputs
 * (issue 13: at 1,000 models, building dbt's manifest document and comparing it with the file took
 * a third of a compile with nothing changed). The stamp in `.sparkify/manifest-stamp.json`
 * (files/file-stamp.ts) holds the compile key the file was written for: a file edited or removed
 * by hand is written again. The manifest only differs by the run's time and id, which
 * writeManifest never rewrites a file for.
 */
import { join } from 'node:path';
import { stampFiles, unchangedSince } from '../files/file-stamp.js';
import { TARGET_DIR, writeManifest } from '../run/artifacts.js';
import { manifestDocument } from './artifact-documents.js';
import type { ProjectContext } from './project-context.js';

const STAMP_FILE = join('.sparkify', 'manifest-stamp.json');

/** Writes target/manifest.json for the context, unless the file is already the one for its compile key. */
export function writeManifestOf(context: ProjectContext): void {
  const { root, compileKey } = context;
  const manifest = join(TARGET_DIR, 'manifest.json');
  if (compileKey !== undefined && unchangedSince<null>(root, STAMP_FILE, compileKey, manifest) !== undefined) return;
  writeManifest(root, manifestDocument(context), context.scrub);
  if (compileKey !== undefined) stampFiles(root, STAMP_FILE, compileKey, [manifest], null);
}
