/**
 * Reads, before planning, what the load ledgers need (execute phase: I/O only, the SQL comes from
 * the dialect): for each selected source its location's listing and its ledger; for each selected
 * model that follows loads, the ledgers of its sources and the loads it has consumed.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { Adapter, Session } from '../engines/adapter.js';
import { isS3Url } from '../load/s3/s3-url.js';
import { listSourceFiles } from '../load/index.js';
import { readSourceDefinition } from '../load/source-definition.js';
import { fileStoreFor } from '../load/store-for.js';
import type { S3Settings } from '../load/s3/s3-settings.js';
import type { Manifest, SourceNode } from '../manifest/manifest.js';
import type { Dialect } from '../plan/dialect.js';
import type { LedgerDialect } from '../plan/loads/ledger-dialect.js';
import { consumedRelation, ledgerRelation, type LedgerEntry, type SourceLoadState } from '../plan/loads/load-ledger.js';
import { checksumDecides } from '../plan/loads/plan-load.js';
import type { WarehouseState } from '../plan/warehouse-state.js';

/** Where the loader finds files. */
export interface ListingContext {
  root: string;
  s3?: S3Settings;
}

/** Adds `loads` and `consumed` to `state`, for a dialect that keeps ledgers. */
export async function readLoadState(adapter: Adapter, dialect: Dialect, manifest: Manifest, ids: string[], listing: ListingContext, state: WarehouseState): Promise<void> {
  const sql = dialect.ledgers;
  if (!sql) return;
  const nodes = ids.map((id) => manifest.nodes[id]);
  const selected = nodes.filter((n): n is SourceNode => n?.kind === 'source');
  const followers = nodes.flatMap((n) => (n?.kind === 'model' && n.followsLoads?.length ? [n] : []));
  const followed = new Set(followers.flatMap((m) => m.followsLoads!));
  const loads: Record<string, SourceLoadState> = {};
  // One store for the listings and JSONPaths files (one S3 client), but for a source with a region of its own.
  const store = fileStoreFor(listing);
  try {
    for (const source of selected) {
      const own = source.region ? { root: listing.root, s3: { ...listing.s3, region: source.region } } : undefined;
      const files = await listSourceFiles(source, own ?? listing, own ? undefined : store).catch(() => undefined);
      loads[source.id] = { files, definition: await readSourceDefinition(source, own ?? listing, own ? undefined : store) };
    }
  } finally {
    store.close();
  }
  await adapter.withSession(async (session) => {
    for (const id of new Set([...selected.map((s) => s.id), ...followed])) {
      const source = manifest.nodes[id] as SourceNode;
      (loads[id] ??= {}).ledger = await readLedger(session, sql, source);
    }
    state.consumed = {};
    for (const model of followers) {
      const consumed: Record<string, string[]> = {};
      for (const id of model.followsLoads!) consumed[id] = await readConsumed(session, sql, manifest.nodes[id] as SourceNode, model.id);
      state.consumed[model.id] = consumed;
    }
  });
  for (const source of selected) await checksumTouchedFiles(loads[source.id]);
  state.loads = loads;
}

/**
 * The checksum of each local file whose size is as loaded but whose modification time is not (a
 * `touch`, a copy without -p, a fresh checkout): planLoad then tells a file with the same bytes
 * from a changed one. Only those files are read; an unreadable one keeps no checksum (changed).
 */
async function checksumTouchedFiles(load: SourceLoadState): Promise<void> {
  if (!load.files || !load.ledger) return;
  const loaded = new Map(load.ledger.map((entry) => [entry.key, entry]));
  for (const file of load.files) {
    const entry = loaded.get(file.path);
    if (!entry || isS3Url(file.path) || !checksumDecides(entry, file)) continue;
    file.checksum = await sha256Of(file.path).catch(() => undefined);
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

async function exists(session: Session, sql: LedgerDialect, relation: SourceNode['relation']): Promise<boolean> {
  const result = await session.execute(sql.exists(relation));
  return Boolean(result.rows[0]?.present);
}

/** The source's ledger rows; undefined when it has no ledger table yet. */
export async function readLedger(session: Session, sql: LedgerDialect, source: SourceNode): Promise<LedgerEntry[] | undefined> {
  if (!(await exists(session, sql, ledgerRelation(source.relation)))) return undefined;
  const result = await session.execute(sql.readLedger(source));
  return result.rows.map((row) => ({
    key: String(row.file_key), size: Number(row.size), version: String(row.version),
    rowsLoaded: Number(row.rows_loaded), rowsRejected: Number(row.rows_rejected),
    loadId: String(row.load_id), fullLoadId: String(row.full_load_id), loadedAt: isoTime(row.loaded_at),
    // A ledger written before fingerprints has no such column (the next load rewrites it).
    definition: optionalText(row.definition), checksum: optionalText(row.checksum),
  }));
}

/** A column that may be NULL, or absent from a ledger an earlier sparkify wrote. */
function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

function isoTime(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const time = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(time.getTime()) ? String(value) : time.toISOString();
}

async function readConsumed(session: Session, sql: LedgerDialect, source: SourceNode, modelId: string): Promise<string[]> {
  if (!(await exists(session, sql, consumedRelation(source.relation)))) return [];
  const result = await session.execute(sql.readConsumed(source, modelId));
  return result.rows.map((row) => String(row.full_load_id));
}
