/**
 * A Redshift source's load statements, from the load decision (src/plan/loads/plan-load.ts). With
 * the listed files and a target `manifest_prefix`, COPY reads exactly those objects through a
 * manifest sparkify writes first (copy-manifest.ts): all of them for a full load, the new ones for
 * an append; the load ledger (redshift-ledger.ts) is written in the transaction that publishes
 * the rows. Otherwise (compile, a failed listing, or no manifest_prefix) COPY reads the whole
 * location, as before, and no ledger is kept.
 */
import type { SourceNode } from '../../manifest/manifest.js';
import type { BuildContext } from '../../plan/dialect.js';
import { sideRelation } from '../../plan/side-names.js';
import type { Statement } from '../../plan/types.js';
import { copyFromS3, type S3Access } from './copy-from-s3.js';
import { copyManifest, manifestCleanupComment, manifestComment, manifestFolder, manifestUrl, manifestWrite } from './copy-manifest.js';
import { quoteIdentifier, quoteRelation } from './redshift-quoting.js';
import { ledgerStatements, redshiftLoadIdColumn } from './redshift-ledger.js';
import { LOAD_ID_COLUMN, ledgerRelation } from '../../plan/loads/load-ledger.js';

/** What the load needs of the dialect: its transaction wrapper and its swap. */
export interface LoadHelpers {
  transaction(statements: Statement[]): Statement[];
  swapInto(target: SourceNode['relation'], fresh: SourceNode['relation'], context: BuildContext): Statement[];
}

/**
 * The COPY runs into a side table, in a transaction of its own (see RedshiftDialect.loadSource);
 * then one transaction swaps it in (full) or appends its rows and drops it (append). A load with
 * nothing new plans no statement.
 */
export function redshiftLoadStatements(source: SourceNode, context: BuildContext, access: S3Access, helpers: LoadHelpers): Statement[] {
  const load = context.load;
  if (load?.mode === 'none') return [];
  const ledgers = access.manifestPrefix !== undefined;
  const fresh = sideRelation(source.relation, 'new', context.runId);
  const columns = source.columns.map((c) => `${quoteIdentifier(c.name)} ${c.type}`);
  if (ledgers) columns.push(redshiftLoadIdColumn(load?.loadId ?? context.runId));
  const create = { sql: `CREATE TABLE ${quoteRelation(fresh)} (\n  ${columns.join(',\n  ')}\n)` };
  const files = load?.files;
  if (!access.manifestPrefix || !load || !files || files.length === 0) {
    const note = access.manifestPrefix && !files ? `${unlistedNote(source, access.manifestPrefix, context.runId)}\n` : '';
    const copy = { sql: `${note}${copyFromS3(source, fresh, access)}`, reportsRows: true, serverLoad: { into: fresh } };
    // Rows of objects nobody listed: the ledger would not match them, so it goes (the next build loads in full).
    const forget = ledgers ? [{ sql: `DROP TABLE IF EXISTS ${quoteRelation(ledgerRelation(source.relation))}` }] : [];
    return [create, copy, ...helpers.transaction([...helpers.swapInto(source.relation, fresh, context), ...forget])];
  }
  const url = manifestUrl(access.manifestPrefix, source.relation, load.loadId);
  const folder = manifestFolder(access.manifestPrefix, source.relation);
  const body = copyManifest(files);
  const copy: Statement = {
    sql: `${manifestComment(url, folder, body)}\n${copyFromS3(source, fresh, access, url)}`,
    reportsRows: true, serverLoad: { into: fresh }, writesObject: manifestWrite(url, folder, body),
  };
  const publish = load.mode === 'append' ? appendRows(source, fresh) : helpers.swapInto(source.relation, fresh, context);
  return [create, copy, ...helpers.transaction([...publish, ...ledgerStatements(source, load, files, !access.serverless)])];
}

/**
 * What compile (which lists nothing) says of the manifest: where it goes and the shape of its
 * entries. A build that has the location's listing writes it and COPYs through it.
 */
function unlistedNote(source: SourceNode, prefix: string, runId: string): string {
  const url = manifestUrl(prefix, source.relation, runId);
  const entry = copyManifest([{ path: `${source.location.replace(/\/+$/, '')}/<key>`, display: '', size: 0 }])
    .replace('"content_length":0', '"content_length":<bytes>');
  return [
    `-- manifest ${url}: with the objects listed under ${source.location} (ListObjectsV2),`,
    '-- a build writes one entry per object it loads, then COPYs FROM the manifest with MANIFEST:',
    ...entry.trimEnd().split('\n').map((line) => `--   ${line}`),
    ...manifestCleanupComment(manifestFolder(prefix, source.relation)),
    '-- without a listing, COPY reads the whole location, as below.',
  ].join('\n');
}

/** The new objects' rows join the staging table with their load id; the side table goes with the same COMMIT. */
function appendRows(source: SourceNode, fresh: SourceNode['relation']): Statement[] {
  const names = [...source.columns.map((c) => quoteIdentifier(c.name)), quoteIdentifier(LOAD_ID_COLUMN)].join(', ');
  return [
    { sql: `INSERT INTO ${quoteRelation(source.relation)} (${names})\nSELECT ${names} FROM ${quoteRelation(fresh)}` },
    { sql: `DROP TABLE ${quoteRelation(fresh)}` },
  ];
}
