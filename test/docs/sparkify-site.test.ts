/**
 * The docs site of the repo's own Sparkify project in a real headless chromium: built with the CLI
 * (build, then docs generate, catalog read from the warehouse), opened from disk (file://).
 */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { DbtCatalog } from '../../src/docs/artifacts/dbt-catalog.js';
import { copyProject, REPO_ROOT, sparkify } from '../e2e/helpers.js';
import { launchBrowser, showGraph, type Browser } from './browser.js';
import { schemaErrors } from '../artifacts/dbt-schemas.js';
import { embeddedData } from './page-data.js';

let dir: string;
let browser: Browser;
let pageUrl: string;

const DAG = ['model.sparkify.songplays', 'model.sparkify.users', 'model.sparkify.songs', 'model.sparkify.artists', 'model.sparkify.time',
  'source.sparkify.sparkify.staging_events', 'source.sparkify.sparkify.staging_songs', 'seed.sparkify.subscription_levels', 'snapshot.sparkify.users_snapshot'];

before(async () => {
  dir = copyProject();
  const built = sparkify(dir, ['build']);
  assert.equal(built.code, 0, built.stdout + built.stderr);
  const generated = sparkify(dir, ['docs', 'generate']);
  assert.equal(generated.code, 0, generated.stdout + generated.stderr);
  assert.match(generated.stdout, /Wrote target\/catalog\.json, target\/index\.html: .*catalog of 9 relations/);
  pageUrl = pathToFileURL(join(dir, 'target', 'index.html')).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(hash = ''): Promise<void> {
  await browser.page.goto(pageUrl + hash);
  await browser.page.waitForSelector('.main > *');
}

test('docs generate reads the warehouse catalog: types, row counts and sizes under the unique ids', () => {
  const catalog = JSON.parse(readFileSync(join(dir, 'target', 'catalog.json'), 'utf8')) as DbtCatalog;
  const songplays = catalog.nodes['model.sparkify.songplays'];
  assert.equal(songplays.columns.user_id.type, 'integer');
  assert.equal(songplays.columns.start_time.type, 'timestamp without time zone');
  assert.ok(Number(songplays.stats.row_count.value) > 0);
  assert.ok(Number(songplays.stats.bytes.value) > 0);
  assert.equal(catalog.sources['source.sparkify.sparkify.staging_events'].columns.user_id.type, 'integer');
  assert.deepEqual(Object.keys(catalog.nodes).sort(), DAG.filter((id) => !id.startsWith('source.')).sort());
});

/** The JSON files under a folder of the project copy (what the loader reads). */
function dataFiles(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json')).length;
}

test('docs generate reads each loaded source\'s ledger: its summary in catalog.json (still catalog v1), its files in the page', () => {
  const catalog = JSON.parse(readFileSync(join(dir, 'target', 'catalog.json'), 'utf8')) as DbtCatalog;
  assert.deepEqual(schemaErrors('catalog-v1', catalog), []);
  const data = embeddedData(readFileSync(join(dir, 'target', 'index.html'), 'utf8'));
  for (const [name, folder] of [['staging_events', 'log_data'], ['staging_songs', 'song_data']]) {
    const id = `source.sparkify.sparkify.${name}`;
    const stats = catalog.sources[id].stats;
    const files = dataFiles(join(dir, 'data', folder));
    assert.equal(stats.sparkify_ledger_files.value, files, `${name}: one ledger row per file`);
    assert.ok(Number(stats.sparkify_ledger_rows_loaded.value) > 0);
    assert.match(String(stats.sparkify_ledger_last_load_id.value), /^\w+$/);
    assert.equal(stats.sparkify_ledger_full_load_id.value, stats.sparkify_ledger_last_load_id.value, 'one build: one full load');
    assert.ok(Math.abs(Date.parse(String(stats.sparkify_ledger_last_loaded_at.value)) - Date.now()) < 10 * 60_000, 'loaded during this test');
    const ledger = data.nodes.find((n) => n.id === id)!.ledger!;
    assert.equal(ledger.recent.length, files);
    assert.equal(ledger.recent.reduce((sum, f) => sum + f.rowsLoaded, 0), stats.sparkify_ledger_rows_loaded.value);
    assert.ok(ledger.recent.every((f) => f.key.includes(`/data/${folder}/`) && f.key.endsWith('.json')), 'keys are the files loaded');
  }
});

test('the DAG draws the Sparkify graph: the star schema, both staging sources, the seed and the snapshot', async () => {
  await open();
  await browser.page.waitForFunction(() => (window as any).sparkifyDocs.dagNodeIds().length > 0);
  const drawn = await browser.page.evaluate(() => (window as any).sparkifyDocs.dagNodeIds() as string[]);
  assert.deepEqual([...drawn].sort(), [...DAG].sort());
  // The canvas really holds the boxes: the colour stripe of songplays is the model blue.
  const stripe = await browser.page.evaluate(() => {
    const { x, y } = (window as any).sparkifyDocs.dagCentreOf('model.sparkify.songplays');
    const canvas = document.querySelector('canvas')!;
    const rect = canvas.getBoundingClientRect();
    const box = (window as any).sparkifyDocs.app.dag.canvas;
    const node = box.layout.nodes.find((n: { id: string }) => n.id === 'model.sparkify.songplays');
    const ratio = window.devicePixelRatio;
    const px = (x - rect.left - (node.w / 2) * box.controls.scale + 3 * box.controls.scale) * ratio;
    return Array.from(canvas.getContext('2d')!.getImageData(Math.round(px), Math.round((y - rect.top) * ratio), 1, 1).data);
  });
  assert.deepEqual(stripe.slice(0, 3), [0x25, 0x63, 0xeb]);
  assert.equal(await browser.page.locator('.dag').getAttribute('data-layout'), 'dagre');
});

test('clicking a box of the DAG opens its node', async () => {
  await open();
  await browser.page.waitForFunction(() => (window as any).sparkifyDocs.dagNodeIds().length > 0);
  const point = await browser.page.evaluate(() => (window as any).sparkifyDocs.dagCentreOf('model.sparkify.users'));
  await browser.page.mouse.click(point.x, point.y);
  await browser.page.waitForSelector('h1:text-is("users")');
  assert.match(browser.page.url(), /#\/node\/model\.sparkify\.users$/);
});

test('searching and clicking open songplays with its columns, types, tests and last run', async () => {
  await open();
  await browser.page.fill('input.search', 'songplays');
  await browser.page.click('.search-hit[data-id="model.sparkify.songplays"]');
  await browser.page.waitForSelector('h1:text-is("songplays")');
  const rows = await browser.page.$$eval('table.columns tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.trim())));
  assert.deepEqual(rows.map((r) => r[0].replace('⇠', '')), ['songplay_id', 'start_time', 'user_id', 'level', 'song_id', 'artist_id', 'session_id', 'location', 'user_agent']);
  const userId = rows.find((r) => r[0].startsWith('user_id'))!;
  assert.equal(userId[1], 'integer');
  assert.equal(userId[2], 'Id of the user who played the song.');
  assert.match(userId[3], /not_null/);
  assert.match(userId[3], /relationships → users\.user_id/);
  assert.match(await browser.page.locator('.node-header .run').innerText(), /success/);
  assert.match(await browser.page.locator('.node-header').innerText(), /incremental/);
  assert.match(await browser.page.locator('.code-card').innerText(), /source\('sparkify', 'staging_events'\)/);
  await browser.page.click('.code-card button:text-is("Compiled SQL")');
  assert.match(await browser.page.locator('.code-card pre').innerText(), /from "public"\."staging_events"/);
});

test('the selector box takes the CLI grammar: +songplays, tag:dimension, and says what is wrong', async () => {
  await open('#/graph');
  const select = async (text: string) => {
    await browser.page.fill('input.selector', text);
    await showGraph(browser.page, () => browser.page.click('.selector-form button'));
    await browser.page.waitForFunction((t) => new URLSearchParams(location.hash.split('?')[1]).get('select') === t, text);
    return (await browser.page.evaluate(() => (window as any).sparkifyDocs.dagNodeIds() as string[])).sort();
  };
  assert.deepEqual(await select('+songplays'), ['model.sparkify.songplays', 'source.sparkify.sparkify.staging_events', 'source.sparkify.sparkify.staging_songs']);
  assert.deepEqual(await select('tag:dimension'), ['model.sparkify.artists', 'model.sparkify.songs', 'model.sparkify.time', 'model.sparkify.users']);
  assert.deepEqual(await select('users+ songs'), ['model.sparkify.songs', 'model.sparkify.users', 'snapshot.sparkify.users_snapshot']);
  assert.deepEqual(await select('+users_snapshot,source:sparkify'), ['source.sparkify.sparkify.staging_events']);
  await browser.page.fill('input.selector', 'songplay');
  await browser.page.click('.selector-form button');
  await browser.page.waitForSelector('.graph-info.problems');
  assert.match(await browser.page.locator('.graph-info').innerText(), /SPK2\d\d[\s\S]*songplays/);
});

test('column lineage: songplays.user_id traces to staging_events.user_id, and back downstream', async () => {
  await open('#/node/model.sparkify.songplays');
  await browser.page.click('tr[data-column="user_id"] a.column-name');
  await browser.page.waitForSelector('#column-lineage');
  const panel = await browser.page.locator('#column-lineage').innerText();
  assert.match(panel, /songplays\.user_id ← passthrough via plays ← sparkify\.staging_events\.user_id/);
  assert.ok(await browser.page.locator('#column-lineage svg .column-box[data-column="sparkify.staging_events.user_id"]').count() === 1);
  await browser.page.click('#column-lineage details.indirect summary');
  assert.match(await browser.page.locator('#column-lineage details.indirect').innerText(), /songplays: filter on sparkify\.staging_events\.page via plays/);
  await browser.page.click('#column-lineage a.column-ref:text-is("sparkify.staging_events.user_id")');
  await browser.page.waitForSelector('h1:text-is("sparkify.staging_events")');
  await browser.page.click('#column-lineage a.tab:has-text("Downstream")');
  await browser.page.waitForSelector('#column-lineage[data-direction="downstream"]');
  const downstream = await browser.page.locator('#column-lineage').innerText();
  for (const column of ['songplays.user_id', 'users.user_id', 'users_snapshot.user_id']) assert.match(downstream, new RegExp(column.replace('.', '\\.')));
});

test('a loaded source shows its location, JSONPaths and last load', async () => {
  await open('#/node/source.sparkify.sparkify.staging_events');
  const load = await browser.page.locator('.load-card').innerText();
  assert.match(load, /Location\s+data\/log_data/);
  assert.match(load, /JSONPaths\s+data\/log_json_path\.json/);
  assert.match(load, /Files\s+30\b/);
  assert.match(load, /Rows loaded\s+\d[\d,]*/);
  assert.match(load, /Rejected records\s+0/);
  // The staging table's own column is documented by sparkify, not left blank.
  const loadId = await browser.page.locator('table.columns tr[data-column="_sparkify_load_id"]').innerText();
  assert.match(loadId, /The load that brought the row/);
});

test('a loaded source\'s page shows its load ledger: the summary, and its files on demand', async () => {
  await open('#/node/source.sparkify.sparkify.staging_events');
  const card = browser.page.locator('.ledger-card');
  const summary = await card.locator('dl').innerText();
  assert.match(summary, /Files loaded\s+30\b/);
  assert.match(summary, /Rows loaded\s+[1-9][\d,]*/);
  assert.match(summary, /Rows rejected\s+0/);
  assert.match(summary, /Last load id\s+\w+/);
  assert.match(summary, /Full load id\s+\w+/);
  assert.equal(await card.locator('tbody tr').first().isVisible(), false, 'the file list starts folded');
  await card.locator('summary').click();
  assert.equal(await card.locator('tbody tr').count(), 30);
  assert.match(await card.locator('tbody tr').first().innerText(), /data\/log_data\/.*\.json/);
  assert.doesNotMatch(await browser.page.locator('.node-page > section.card:last-child').innerText(), /Ledger files/, 'the summary is not repeated under Details');
});

test('the page loads nothing but itself, logs no error, and a screenshot is saved under target/', async () => {
  await browser.page.goto('about:blank');
  browser.requests.length = 0;
  browser.errors.length = 0;
  await open('#/node/model.sparkify.songplays?column=user_id');
  await browser.page.waitForSelector('#column-lineage svg');
  assert.deepEqual(browser.requests, [pageUrl], 'the file itself (requested without its fragment), nothing else');
  assert.deepEqual(browser.errors, []);
  mkdirSync(join(REPO_ROOT, 'target'), { recursive: true });
  for (const file of [join(dir, 'target', 'docs-site.png'), join(REPO_ROOT, 'target', 'docs-site-test.png')]) await browser.page.screenshot({ path: file });
  assert.ok(readFileSync(join(REPO_ROOT, 'target', 'docs-site-test.png')).length > 10_000);
});
