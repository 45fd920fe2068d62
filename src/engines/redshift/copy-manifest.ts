/**
 * The COPY manifest sparkify writes for a Redshift load: the exact S3 objects the load reads, so the
 * ledger and the table agree on what was loaded (a COPY from a prefix would also read an object that
 * arrived after the listing). Format, per "Using a manifest to specify data files"
 * (https://docs.aws.amazon.com/redshift/latest/dg/loading-data-files-using-manifest.html) and the
 * COPY MANIFEST parameter (copy-parameters-data-source-s3.html):
 *   { "entries": [ { "url": "s3://bucket/full/key", "mandatory": true, "meta": { "content_length": 123 } } ] }
 * - url: the bucket and the object's full key, never a prefix;
 * - mandatory: true, so COPY fails when a listed object is gone instead of loading less than the
 *   ledger will record (the default is false);
 * - meta.content_length: the object's size in bytes. COPY needs it only for ORC and Parquet (and
 *   Spectrum); it is written for JSON too, from the listing, as UNLOAD's own manifests do.
 */
import type { ListedFile } from '../../plan/loads/load-ledger.js';
import type { ObjectWrite } from '../../plan/types.js';
import type { Relation } from '../../sql/quote.js';

/**
 * How old a `*.manifest` object in a load's folder must be before the load deletes it as a leftover.
 * A build deletes its own manifest once its load ends, so one left behind comes from a build killed
 * between the PUT and the delete. But the build lock (build-lock.ts) keeps apart only the builds of
 * one project on one target schema of one cluster, while the folder is named by manifest_prefix and
 * the source table: another project, or another target (dev and prod clusters) sharing the prefix,
 * may be loading the same table now, and deleting its manifest would fail its COPY. No load lasts a day.
 */
export const LEFTOVER_MANIFEST_HOURS = 24;

/** One object of a manifest. */
export interface ManifestEntry {
  url: string;
  mandatory: true;
  meta: { content_length: number };
}

/** The manifest's JSON text, one entry per file, in the listing's order. */
export function copyManifest(files: readonly ListedFile[]): string {
  const entries: ManifestEntry[] = files.map((file) => ({ url: file.path, mandatory: true, meta: { content_length: file.size } }));
  // One entry a line: readable in compile's output and in S3, and still one JSON document.
  const lines = entries.map((entry, at) => `    ${JSON.stringify(entry)}${at < entries.length - 1 ? ',' : ''}`);
  return ['{', '  "entries": [', ...lines, '  ]', '}', ''].join('\n');
}

/**
 * Where a load's manifest goes: `<manifest_prefix>/<schema>.<table>/<load id>.manifest`. One object
 * per load, never overwritten: a manifest left by an interrupted build names only what that build
 * meant to load, and the next build writes its own.
 */
export function manifestUrl(prefix: string, staging: Relation, loadId: string): string {
  return `${manifestFolder(prefix, staging)}${loadId}.manifest`;
}

/** The folder of a table's manifests, `<manifest_prefix>/<schema>.<table>/`: every load of the table writes there. */
export function manifestFolder(prefix: string, staging: Relation): string {
  return `${prefix.replace(/\/+$/, '')}/${staging.schema}.${staging.identifier}/`;
}

/** The manifest as the executor handles it: written before the COPY, deleted after the load, leftovers in its folder swept first. */
export function manifestWrite(url: string, folder: string, body: string): ObjectWrite {
  return { url, body, leftovers: { prefix: folder, suffix: '.manifest', olderThanHours: LEFTOVER_MANIFEST_HOURS } };
}

/** The manifest's JSON as SQL comment lines, for the compiled plan that shows what build writes. */
export function manifestComment(url: string, folder: string, body: string): string {
  const lines = body.trimEnd().split('\n').map((line) => `--   ${line}`);
  return [`-- manifest ${url} (written to S3 before the COPY):`, ...lines, ...manifestCleanupComment(folder)].join('\n');
}

/** What build deletes around a load, as SQL comment lines: the manifest after it, leftovers before it. */
export function manifestCleanupComment(folder: string): string[] {
  return [
    '-- the manifest is deleted after the load, committed or rolled back; before it is written, the',
    `-- *.manifest objects older than ${LEFTOVER_MANIFEST_HOURS} hours in ${folder} (left by interrupted builds) are deleted.`,
  ];
}
