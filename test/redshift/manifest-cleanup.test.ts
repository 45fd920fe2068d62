/**
 * Issue 12's leftover: the COPY manifest a Redshift load writes under manifest_prefix is deleted once
 * the load's statements end, committed or rolled back, and a load first sweeps the `*.manifest`
 * objects older than 24 hours that an interrupted build left in its table's folder. A failed delete
 * or listing is warning SPK514, never the node's failure.
 *
 * No cluster: the manifest is the one RedshiftDialect.loadSource plans (url, body, leftovers); the
 * real executor (runPlanStatements) runs it on a PGlite session, with stand-ins for the COPY and the
 * swap, and the real S3 code (runObjectStore, as build wires it) against the loopback S3 server. A
 * denied delete or listing comes from the loopback server that answers 403 AccessDenied to every
 * request, as a bucket policy without s3:DeleteObject or s3:ListBucket would.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { after, afterEach, before, describe, test } from 'node:test';
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { lineReporter } from '../../src/cli/run-report.js';
import type { ProjectContext } from '../../src/cli/project-context.js';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { RedshiftDialect } from '../../src/engines/redshift/redshift-dialect.js';
import type { NodePlan } from '../../src/kinds/node-plan.js';
import { runObjectStore, type RunObjectStore } from '../../src/load/s3/run-object-store.js';
import type { SourceNode } from '../../src/manifest/manifest.js';
import { planLoad } from '../../src/plan/loads/plan-load.js';
import type { ObjectWrite, PlanBase } from '../../src/plan/types.js';
import type { RunContext } from '../../src/run/run-context.js';
import { runPlanStatements } from '../../src/run/run-statements.js';
import { startDeniedServer, startS3Server, TEST_REGION, useTestAwsEnv, type LocalS3 } from '../support/s3-server.js';
import { compileFor, logDataSources, S3_ACCESS } from './helpers.js';
import { tempDir } from '../support/temp-dir.js';

const BUCKET = 'sparkify-loads';
const FOLDER = 'manifests/public.events/';
const HOUR_MS = 3_600_000;

const fixture = compileFor({ 'sources.yml': logDataSources(['{name: id, type: integer}']) });
const dialect = new RedshiftDialect({ ...S3_ACCESS, manifestPrefix: `s3://${BUCKET}/manifests/` });

/** The manifest a first load of run `runId` writes: `s3://sparkify-loads/manifests/public.events/<runId>.manifest`. */
function plannedManifest(runId: string): ObjectWrite {
  const source = fixture.compiled.manifest.nodes['source.raw.events'] as SourceNode;
  const files = [{ path: 's3://sparkify-bucket/log_data/a.json', display: 's3://sparkify-bucket/log_data/a.json', size: 12, version: '"etag-a"' }];
  const statements = dialect.loadSource(source, { runId, load: planLoad({ files }, runId, false, false) });
  return statements.find((statement) => statement.writesObject)!.writesObject!;
}

/** The load's shape on PGlite: the side table, the statement that reads the manifest (COPY on Redshift), the swap's transaction. */
function loadPlan(object: ObjectWrite, runId: string, swap = `ALTER TABLE events__new_${runId} RENAME TO events_${runId}`): PlanBase {
  return {
    id: 'source.raw.events', kind: 'source', description: 'source raw.events', path: 'sources.yml', runPath: 'sources/raw/events.sql',
    statements: [
      { sql: `CREATE TABLE events__new_${runId} (id integer)` },
      { sql: `INSERT INTO events__new_${runId} VALUES (1)`, reportsRows: true, writesObject: object },
      { sql: 'BEGIN' },
      { sql: swap },
      { sql: 'COMMIT' },
    ],
  };
}

describe('COPY manifests are deleted after their load and swept when left (issue 12)', () => {
  let s3: LocalS3;
  let denied: { endpoint: string; stop(): Promise<void> };
  let adapter: PgliteAdapter;
  let dir: string;
  let store: RunObjectStore;
  let deniedStore: RunObjectStore;

  before(async () => {
    useTestAwsEnv();
    [s3, denied] = await Promise.all([startS3Server(), startDeniedServer()]);
    await s3.createBucket(BUCKET);
    store = runObjectStore({ endpoint: s3.endpoint, region: TEST_REGION });
    deniedStore = runObjectStore({ endpoint: denied.endpoint, region: TEST_REGION });
    dir = tempDir('sparkify-manifest-cleanup-');
    adapter = new PgliteAdapter(join(dir, 'warehouse'), 'warehouse');
    await adapter.open();
  });
  after(async () => {
    await adapter?.close();
    await Promise.all([s3?.stop(), denied?.stop()]);
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  afterEach(async () => {
    for (const key of await keysIn('manifests/')) await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: key }));
  });

  /** The keys under `prefix`, sorted. */
  async function keysIn(prefix = FOLDER): Promise<string[]> {
    const page = await s3.client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
    return (page.Contents ?? []).map((item) => item.Key!).sort();
  }

  async function textOf(url: string): Promise<string> {
    const read = await s3.client.send(new GetObjectCommand({ Bucket: BUCKET, Key: url.slice(`s3://${BUCKET}/`.length) }));
    return read.Body!.transformToString();
  }

  /** An object in the folder, last written `hoursAgo` hours ago. */
  async function putAged(key: string, hoursAgo: number): Promise<void> {
    await s3.put(BUCKET, key, '{\n  "entries": []\n}\n');
    s3.backdate(BUCKET, key, new Date(Date.now() - hoursAgo * HOUR_MS));
  }

  /** A run's context with `objects` as its S3 I/O. */
  function contextWith(objects: RunObjectStore): RunContext {
    return {
      adapter, manifest: fixture.compiled.manifest, plans: [], openFeed: () => assert.fail('a Redshift load has no feed'),
      filesOf: () => ({ runFile: 'target/run/sources/raw/events.sql' }), ...objects,
    };
  }

  /** `objects`, noting each object's text just before it is deleted: what the load could read until it ended. */
  function noting(objects: RunObjectStore, seen: Map<string, string>): RunObjectStore {
    return { ...objects, deleteObject: async (url) => {
      seen.set(url, await textOf(url));
      await objects.deleteObject(url);
    } };
  }

  test('after a committed load its manifest is gone; it was there, as planned, until the load ended', async () => {
    const manifest = plannedManifest('ok000001');
    assert.equal(manifest.url, `s3://${BUCKET}/${FOLDER}ok000001.manifest`);
    const seen = new Map<string, string>();
    const run = await runPlanStatements(loadPlan(manifest, 'ok000001'), contextWith(noting(store, seen)));
    assert.equal(run.status, 'success', run.message);
    assert.equal(run.warnings, undefined);
    assert.equal(seen.get(manifest.url), manifest.body);
    assert.deepEqual(await keysIn(), []);
  });

  test('after a load that fails and rolls back its manifest is gone too', async () => {
    const manifest = plannedManifest('fail0001');
    const seen = new Map<string, string>();
    const run = await runPlanStatements(loadPlan(manifest, 'fail0001', 'SELECT * FROM no_such_table'), contextWith(noting(store, seen)));
    assert.equal(run.status, 'error');
    assert.equal(run.diagnostics![0].code, 'SPK501');
    assert.equal(run.warnings, undefined);
    assert.equal(seen.get(manifest.url), manifest.body);
    assert.deepEqual(await keysIn(), []);
  });

  test('a manifest an interrupted build left over a day ago is swept before the write; a recent one (maybe another build\'s, in use) and other objects stay', async () => {
    await putAged(`${FOLDER}old00001.manifest`, 25);
    await putAged(`${FOLDER}recent01.manifest`, 1);
    await putAged(`${FOLDER}notes.txt`, 25);
    // The folder is `<schema>.<table>/`: a table whose name only starts the same is another folder.
    await putAged('manifests/public.events_archive/old00002.manifest', 25);
    const manifest = plannedManifest('new00001');
    const seen = new Map<string, string>();
    let atWrite: string[] = [];
    const observed = noting(store, seen);
    const run = await runPlanStatements(loadPlan(manifest, 'new00001'), contextWith({ ...observed, writeObject: async (url, body) => {
      atWrite = await keysIn();
      await store.writeObject(url, body);
    } }));
    assert.equal(run.status, 'success', run.message);
    assert.equal(run.warnings, undefined);
    assert.deepEqual(atWrite, [`${FOLDER}notes.txt`, `${FOLDER}recent01.manifest`], 'swept before the load wrote its own');
    assert.equal(seen.get(manifest.url), manifest.body, 'its own manifest was written and there for the load');
    assert.deepEqual(await keysIn(), [`${FOLDER}notes.txt`, `${FOLDER}recent01.manifest`]);
    assert.deepEqual(await keysIn('manifests/public.events_archive/'), ['manifests/public.events_archive/old00002.manifest']);
  });

  test('a delete S3 denies is warning SPK514 naming the manifest, after a committed load and after a failed one', async () => {
    const withoutDelete = { ...store, deleteObject: deniedStore.deleteObject };
    const manifest = plannedManifest('deny0001');
    const run = await runPlanStatements(loadPlan(manifest, 'deny0001'), contextWith(withoutDelete));
    assert.equal(run.status, 'success', run.message);
    assert.equal(run.warnings?.length, 1);
    const [warning] = run.warnings!;
    assert.equal(warning.code, 'SPK514');
    assert.deepEqual([warning.node, warning.location], ['source.raw.events', { file: 'sources.yml' }]);
    assert.match(warning.message, /^could not delete the COPY manifest s3:\/\/sparkify-loads\/manifests\/public\.events\/deny0001\.manifest after its load: access to \S+ was denied \(AccessDenied: Access Denied\)$/);
    assert.match(warning.hint!, /manifest_prefix needs s3:DeleteObject .*or delete the object by hand/);
    assert.deepEqual(await keysIn(), [`${FOLDER}deny0001.manifest`], 'it stays, for the next load older than a day to sweep');

    const failed = await runPlanStatements(loadPlan(plannedManifest('deny0002'), 'deny0002', 'SELECT * FROM no_such_table'), contextWith(withoutDelete));
    assert.equal(failed.status, 'error');
    assert.deepEqual([failed.diagnostics![0].code, failed.warnings?.map((w) => w.code)], ['SPK501', ['SPK514']]);
  });

  test('a listing S3 denies is warning SPK514 naming the folder; the load goes on and its own manifest is still deleted', async () => {
    await putAged(`${FOLDER}old00003.manifest`, 48);
    const run = await runPlanStatements(loadPlan(plannedManifest('list0001'), 'list0001'), contextWith({ ...store, listObjects: deniedStore.listObjects }));
    assert.equal(run.status, 'success', run.message);
    assert.equal(run.warnings?.length, 1);
    assert.match(run.warnings![0].message, /^could not list s3:\/\/sparkify-loads\/manifests\/public\.events\/ for the COPY manifests interrupted builds left: access to \S+ was denied/);
    assert.match(run.warnings![0].hint!, /s3:ListBucket/);
    assert.deepEqual(await keysIn(), [`${FOLDER}old00003.manifest`]);
  });

  test('a failed load\'s warnings are printed under its ERROR line', async () => {
    const lines: string[] = [];
    // picocolors colours under CI=…; the assertions read the words
    const output = { line: (text: string) => lines.push(stripVTControlCharacters(text)), jsonOnly() {}, debug() {} };
    const reporter = lineReporter({ compiled: fixture.compiled, output } as unknown as ProjectContext);
    const plan = loadPlan(plannedManifest('deny0003'), 'deny0003', 'SELECT * FROM no_such_table');
    const run = await runPlanStatements(plan, contextWith({ ...store, deleteObject: deniedStore.deleteObject }));
    reporter.finished(plan as NodePlan, { ...run, id: plan.id, executionTime: 0.1 }, 1, 1);
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0], /ERROR building source raw\.events/);
    assert.match(lines[1], /^ {2}warning: sources\.yml: could not delete the COPY manifest s3:\/\/sparkify-loads\/manifests\/public\.events\/deny0003\.manifest after its load: .*\[SPK514\]/);
  });
});
