/**
 * Issue 12 on Redshift: the COPY manifest sparkify writes for a load and the COPY that reads it,
 * as golden files checked against AWS's documentation, and the manifest written to the loopback S3
 * server and read back. Pages: "Using a manifest to specify data files"
 * (https://docs.aws.amazon.com/redshift/latest/dg/loading-data-files-using-manifest.html: entries,
 * url with the full object path, optional mandatory, default false), "COPY from Amazon S3"
 * (https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-source-s3.html: FROM 's3://…manifest'
 * authorization MANIFEST; meta.content_length needed for ORC/Parquet), r_COPY_command_examples.html
 * ("COPY from Amazon S3 using a manifest").
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { SparkifyError } from '../../src/diagnostics.js';
import { copyManifest, manifestUrl } from '../../src/engines/redshift/copy-manifest.js';
import { RedshiftDialect } from '../../src/engines/redshift/redshift-dialect.js';
import { putS3Object } from '../../src/load/s3/put-object.js';
import type { SourceNode } from '../../src/manifest/manifest.js';
import type { ListedFile } from '../../src/plan/loads/load-ledger.js';
import { planLoad } from '../../src/plan/loads/plan-load.js';
import { decideLoads } from '../../src/plan/loads/decide-loads.js';
import { withoutRows } from '../../src/plan/without-rows.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import { StoreError } from '../../src/load/store-error.js';
import { assertGolden } from '../golden.js';
import { startS3Server, useTestAwsEnv, type LocalS3 } from '../support/s3-server.js';
import { compileFor, copyRepoProject, logDataSources, S3_ACCESS, SEED_DWH_CFG } from './helpers.js';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { runPlanStatements } from '../../src/run/run-statements.js';
import { listSourceFiles } from '../../src/load/index.js';
import { REPO_ROOT } from '../e2e/helpers.js';
import { join } from 'node:path';
import { compileProject } from '../../src/compile/compile-project.js';
import { dialectFor } from '../../src/engines/registry.js';
import { topologicalOrder } from '../../src/graph/index.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import type { WarehouseState } from '../../src/plan/warehouse-state.js';
import { loadProject } from '../../src/project/index.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { readSeedFiles } from '../../src/seeds/seed-files.js';
import { tempDir } from '../support/temp-dir.js';

const PREFIX = 's3://sparkify-loads/manifests/';
const withManifests = new RedshiftDialect({ ...S3_ACCESS, manifestPrefix: PREFIX });
const S3_SOURCES = logDataSources(['{name: id, type: integer}', '{name: kind, type: varchar(16)}']);

/** Objects as ListObjectsV2 lists them (key, size, ETag). */
function listed(days: number[]): ListedFile[] {
  return days.map((day) => {
    const path = `s3://sparkify-bucket/log_data/2018/11/2018-11-${String(day).padStart(2, '0')}-events.json`;
    return { path, display: path, size: 1000 + day, version: `"etag-${day}"` };
  });
}

function source(): SourceNode {
  return compileFor({ 'sources.yml': S3_SOURCES }).compiled.manifest.nodes['source.raw.events'] as SourceNode;
}

/** The ledger of a first load of `days` (run 11111111). */
/** The fingerprint of the table's definition (source-definition.ts), as the ledger records it. */
const DEFINITION = 'a1b2c3d4e5f60718';

function ledgerOf(days: number[]) {
  return listed(days).map((file) => ({ key: file.path, size: file.size, version: file.version!, rowsLoaded: 1, rowsRejected: 0, loadId: '11111111', fullLoadId: '11111111', definition: DEFINITION }));
}

describe('Redshift COPY through a manifest (issue 12)', () => {
  test('the manifest: one entry per object, its full s3:// URL, mandatory, content_length (loading-data-files-using-manifest.html)', () => {
    const text = copyManifest(listed([1, 2]));
    assertGolden('redshift/copy-manifest.json', text);
    const parsed = JSON.parse(text) as { entries: { url: string; mandatory: boolean; meta: { content_length: number } }[] };
    assert.deepEqual(parsed.entries.map((e) => [e.url, e.mandatory, e.meta.content_length]), [
      ['s3://sparkify-bucket/log_data/2018/11/2018-11-01-events.json', true, 1001],
      ['s3://sparkify-bucket/log_data/2018/11/2018-11-02-events.json', true, 1002],
    ]);
    assert.equal(manifestUrl(PREFIX, { schema: 'public', identifier: 'events' }, '22222222'), 's3://sparkify-loads/manifests/public.events/22222222.manifest');
  });

  test('a first load with the listing: COPY FROM the manifest … MANIFEST into a side table, swapped in (copy-parameters-data-source-s3.html)', () => {
    const load = planLoad({ files: listed([1, 2]), definition: DEFINITION }, '22222222', false, false);
    const statements = withManifests.loadSource(source(), { runId: '22222222', load });
    assertGolden('redshift/source-load-manifest-full.sql', renderPlan({ statements } as never));
    const copy = statements.find((s) => s.writesObject)!;
    assert.equal(copy.writesObject!.url, 's3://sparkify-loads/manifests/public.events/22222222.manifest');
    assert.equal(copy.writesObject!.body, copyManifest(listed([1, 2])));
    assert.match(copy.sql, /^FROM 's3:\/\/sparkify-loads\/manifests\/public\.events\/22222222\.manifest'\nIAM_ROLE '[^']+'\nMANIFEST$/m);
  });

  test('a later load: only the new object is in the manifest, its rows appended in one transaction, no swap', () => {
    const load = planLoad({ files: listed([1, 2, 3]), ledger: ledgerOf([1, 2]), definition: DEFINITION }, '33333333', false, true);
    assert.equal(load.mode, 'append');
    const statements = withManifests.loadSource(source(), { runId: '33333333', load });
    assertGolden('redshift/source-load-manifest-append.sql', renderPlan({ statements } as never));
    const entries = (JSON.parse(statements.find((s) => s.writesObject)!.writesObject!.body) as { entries: { url: string }[] }).entries;
    assert.deepEqual(entries.map((e) => e.url), [listed([3])[0].path]);
    assert.ok(!statements.some((s) => /RENAME/.test(s.sql)), 'an append swaps nothing');
    // The rows keep the load id of their side table, and the ledger row comes in the same transaction.
    const inTransaction = statements.slice(statements.findIndex((s) => s.sql === 'BEGIN'));
    assert.match(inTransaction[1].sql, /"_sparkify_load_id"\)\nSELECT .*"_sparkify_load_id" FROM/);
    assert.match(inTransaction.map((s) => s.sql).join('\n'), /INSERT INTO "public"\."events__sparkify_ledger"[^;]*'33333333', '11111111'[^;]*2018-11-03-events\.json[^;]*\n\) f/);
    assert.equal(inTransaction.at(-1)!.sql, 'COMMIT');
  });

  test('Redshift Serverless: the ledger rows carry no counts (STL holds nothing of its loads)', () => {
    const serverless = new RedshiftDialect({ ...S3_ACCESS, manifestPrefix: PREFIX, serverless: true });
    const load = planLoad({ files: listed([1]) }, '22222222', false, false);
    const sql = renderPlan({ statements: serverless.loadSource(source(), { runId: '22222222', load }) } as never);
    assert.match(sql, /SELECT f\.file_key, f\.size, f\.version, NULL, NULL, '22222222', '22222222'/);
    assert.doesNotMatch(sql, /stl_load/);
  });

  test('the dialect keeps ledgers only with a manifest_prefix; existence from pg_class (no to_regclass on Redshift)', () => {
    assert.equal(new RedshiftDialect(S3_ACCESS).ledgers, undefined);
    const exists = withManifests.ledgers!.exists({ schema: 'public', identifier: "it's" });
    assert.match(exists, /FROM pg_catalog\.pg_class c\nJOIN pg_catalog\.pg_namespace n ON n\.oid = c\.relnamespace\nWHERE n\.nspname = 'public' AND c\.relname = 'it''s'/);
  });

  test('--empty: no COPY, no manifest, no ledger rows (an empty ledger makes the next build load in full)', () => {
    const load = planLoad({ files: listed([1, 2]) }, '22222222', false, false);
    const statements = withoutRows(withManifests.loadSource(source(), { runId: '22222222', load }), true);
    const sql = renderPlan({ statements } as never);
    assert.doesNotMatch(sql, /COPY|INSERT INTO "public"\."events__sparkify_ledger"/);
    assert.ok(!statements.some((s) => s.writesObject));
    assert.match(sql, /CREATE TABLE "public"\."events__sparkify_ledger"/);
  });

  test('nothing new: no statement, no manifest', () => {
    const load = planLoad({ files: listed([1, 2]), ledger: ledgerOf([1, 2]) }, '44444444', false, true);
    assert.deepEqual(withManifests.loadSource(source(), { runId: '44444444', load }), []);
  });

  test('compile (no listing) shows where the manifest goes and its entries\' form, and COPYs the location', () => {
    const statements = withManifests.loadSource(source(), { runId: '00000000' });
    assertGolden('redshift/source-load-manifest-compile.sql', renderPlan({ statements } as never));
    assert.ok(!statements.some((s) => s.writesObject));
    const sql = renderPlan({ statements } as never);
    assert.match(sql, /-- manifest s3:\/\/sparkify-loads\/manifests\/public\.events\/00000000\.manifest/);
    // Rows of objects nobody listed: their ledger goes, so the next build loads in full.
    assert.match(sql, /DROP TABLE IF EXISTS "public"\."events__sparkify_ledger";\n\nCOMMIT;/);
  });

  test('without manifest_prefix the COPY reads the location, as before', () => {
    const load = planLoad({ files: listed([1, 2]) }, '22222222', false, false);
    const sql = renderPlan({ statements: new RedshiftDialect(S3_ACCESS).loadSource(source(), { runId: '22222222', load }) } as never);
    assert.match(sql, /FROM 's3:\/\/sparkify-bucket\/log_data'/);
    assert.doesNotMatch(sql, /MANIFEST/);
  });

  test('a manifest_prefix that is not an s3:// URL is SPK140', () => {
    const local = new RedshiftDialect({ ...S3_ACCESS, manifestPrefix: 'manifests/' });
    assert.throws(() => local.loadSource(source(), { runId: '00000000' }), (error: unknown) => error instanceof SparkifyError
      && error.diagnostics.some((d) => d.code === 'SPK140' && /manifest_prefix 'manifests\/'/.test(d.message)));
  });
});

/** The repo's project on `prod`, with a manifest_prefix added to the target. */
function prodWithManifests(state?: WarehouseState) {
  const root = copyRepoProject();
  writeFileSync(join(root, 'dwh.cfg'), SEED_DWH_CFG);
  const yml = readFileSync(join(root, 'project.yml'), 'utf8').replace(/(\n  prod:\n    type: redshift\n)/, `$1    manifest_prefix: ${PREFIX}\n`);
  writeFileSync(join(root, 'project.yml'), yml);
  const project = loadProject(root, { env: {}, targetName: 'prod' });
  const files = readProjectFiles(root, project.config.modelPaths, project.config.macroPaths);
  const compiled = compileProject({ project, files, env: {}, seeds: readSeedFiles(root) });
  const ids = topologicalOrder(compiled.graph);
  const dialect = dialectFor(project.target);
  // As plan-run.ts does: each source's load decided from the state, then every node planned.
  return planNodes(compiled.manifest, ids, dialect, { state, loads: decideLoads(compiled.manifest, ids, dialect, { state }) });
}

describe('the Sparkify warehouse on a prod target with manifest_prefix (issue 12)', () => {
  test('compile shows each source\'s manifest, and songplays follows the loads as on PostgreSQL', () => {
    // Both sources loaded (objects 1 and 2 of each, load 11111111), songplays built on that load.
    const loaded = (id: string) => [id, { files: listed([1, 2]), ledger: ledgerOf([1, 2]) }];
    const state: WarehouseState = {
      relations: Object.fromEntries(['songplays', 'staging_events', 'staging_songs'].map((t) => [`["public","${t}"]`, { kind: 'table' as const }])),
      leftovers: [],
      loads: Object.fromEntries(['source.sparkify.staging_events', 'source.sparkify.staging_songs'].map(loaded)),
      consumed: { 'model.songplays': { 'source.sparkify.staging_events': ['11111111'], 'source.sparkify.staging_songs': ['11111111'] } },
    };
    const plans = prodWithManifests(state);
    assert.deepEqual(plans.find((p) => p.id === 'source.sparkify.staging_events')!.statements, [], 'nothing new: nothing to load');
    const compiled = prodWithManifests();
    const events = renderPlan(compiled.find((p) => p.id === 'source.sparkify.staging_events')!);
    assert.match(events, /-- manifest s3:\/\/sparkify-loads\/manifests\/public\.staging_events\/00000000\.manifest: with the objects listed under s3:\/\/udacity-dend\/log_data/);
    const songplays = renderPlan(plans.find((p) => p.id === 'model.songplays')!);
    assert.match(songplays, /"?_sparkify_load_id"? not in \(select load_id from "public"\."staging_events__sparkify_consumed" where model_id = 'model\.songplays'\)/);
    assert.match(songplays, /INSERT INTO "public"\."staging_events__sparkify_consumed" \(model_id, load_id, full_load_id\)/);
  });
});

describe('the manifest written to the loopback S3 server (issue 12)', () => {
  let s3: LocalS3;
  before(async () => {
    useTestAwsEnv();
    s3 = await startS3Server();
    await s3.createBucket('sparkify-loads');
  });
  after(async () => s3?.stop());

  test('putS3Object writes the manifest the plan carries; read back, it is the same JSON', async () => {
    const load = planLoad({ files: listed([1, 2, 3]), ledger: ledgerOf([1]) }, '55555555', false, true);
    const object = withManifests.loadSource(source(), { runId: '55555555', load }).find((s) => s.writesObject)!.writesObject!;
    await putS3Object(object.url, object.body, { endpoint: s3.endpoint, region: 'us-east-1' });
    const read = await s3.client.send(new GetObjectCommand({ Bucket: 'sparkify-loads', Key: 'manifests/public.events/55555555.manifest' }));
    const text = await read.Body!.transformToString();
    assert.equal(text, object.body);
    assert.deepEqual((JSON.parse(text) as { entries: unknown[] }).entries.length, 2);
  });

  test('the chain on loopback S3: list the location (ListObjectsV2), plan against a ledger of 29 days, write the manifest: it names the 30th object alone, with its size', async () => {
    await s3.createBucket('sparkify');
    await s3.uploadFolder('sparkify', join(REPO_ROOT, 'data/log_data'), 'log_data/');
    const events = { ...source(), location: 's3://sparkify/log_data' };
    const s3Settings = { endpoint: s3.endpoint, region: 'us-east-1' };
    const files = await listSourceFiles(events, { root: REPO_ROOT, s3: s3Settings });
    assert.equal(files.length, 30);
    const day30 = files.find((f) => f.path.endsWith('2018-11-30-events.json'))!;
    const ledger = files.filter((f) => f !== day30).map((f) => ({ key: f.path, size: f.size, version: f.version ?? '', rowsLoaded: 1, rowsRejected: 0, loadId: '11111111', fullLoadId: '11111111', definition: DEFINITION }));
    const load = planLoad({ files, ledger }, '66666666', false, true);
    assert.equal(load.mode, 'append');
    const object = withManifests.loadSource(events, { runId: '66666666', load }).find((s) => s.writesObject)!.writesObject!;
    await putS3Object(object.url, object.body, s3Settings);
    const read = await s3.client.send(new GetObjectCommand({ Bucket: 'sparkify-loads', Key: 'manifests/public.events/66666666.manifest' }));
    const entries = (JSON.parse(await read.Body!.transformToString()) as { entries: { url: string; mandatory: boolean; meta: { content_length: number } }[] }).entries;
    const size = statSync(join(REPO_ROOT, 'data/log_data/2018/11/2018-11-30-events.json')).size;
    assert.deepEqual(entries, [{ url: 's3://sparkify/log_data/2018/11/2018-11-30-events.json', mandatory: true, meta: { content_length: size } }]);
  });

  test('the executor writes a statement\'s object before running it; an unwritable prefix fails the node with the store\'s code (PGlite session, loopback S3)', async () => {
    const dir = tempDir('sparkify-manifest-run-');
    const adapter = new PgliteAdapter(join(dir, 'warehouse'), 'warehouse');
    await adapter.open();
    try {
      const s3Settings = { endpoint: s3.endpoint, region: 'us-east-1' };
      const context = {
        adapter, manifest: { nodes: {} } as never, plans: [], openFeed: () => assert.fail('no feed'), filesOf: () => ({ runFile: 'target/run/x.sql' }),
        writeObject: (url: string, body: string) => putS3Object(url, body, s3Settings),
      };
      const plan = (url: string) => ({ id: 'source.raw.events', kind: 'source' as const, description: 'source raw.events', path: 'sources.yml', runPath: 'x.sql',
        statements: [{ sql: 'SELECT 1 AS one', writesObject: { url, body: '{"entries": []}\n' } }] });
      const ok = await runPlanStatements(plan('s3://sparkify-loads/run/ok.manifest'), context);
      assert.equal(ok.status, 'success');
      const read = await s3.client.send(new GetObjectCommand({ Bucket: 'sparkify-loads', Key: 'run/ok.manifest' }));
      assert.equal(await read.Body!.transformToString(), '{"entries": []}\n');
      const failed = await runPlanStatements(plan('s3://no-such-bucket/run/x.manifest'), context);
      assert.equal(failed.status, 'error');
      assert.equal(failed.diagnostics![0].code, 'SPK320');
      assert.match(failed.diagnostics![0].message, /^cannot write the COPY manifest s3:\/\/no-such-bucket\/run\/x\.manifest: /);
      assert.match(failed.diagnostics![0].hint!, /manifest_prefix must be writable/);
    } finally {
      await adapter.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing bucket is SPK320, naming the manifest', async () => {
    await assert.rejects(putS3Object('s3://no-such-bucket/m/x.manifest', '{}', { endpoint: s3.endpoint, region: 'us-east-1' }),
      (error: unknown) => error instanceof StoreError && error.code === 'SPK320' && /no-such-bucket/.test(error.message));
  });
});
