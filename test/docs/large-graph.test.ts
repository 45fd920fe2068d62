/**
 * A generated project of 10,000 models in the browser: the page opens, the overview shows a readable
 * neighbourhood, the whole graph is drawn (fast layering, canvas), the selector narrows it to a
 * dagre layout, and a click still opens a node. Functional checks only: the times are measured in
 * bench/docs (BENCHMARKS.md), never asserted here.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { renderDocsSite } from '../../src/docs/site/render-docs-site.js';
import { launchBrowser, showGraph, type Browser } from './browser.js';
import { largeManifest } from './fixtures/large-manifest.js';
import { tempDir } from '../support/temp-dir.js';

const MODELS = 10_000;
let dir: string;
let url: string;
let browser: Browser;
let lastModel: string;

before(async () => {
  dir = tempDir('sparkify-docs-large-');
  const manifest = largeManifest(MODELS);
  lastModel = Object.values(manifest.nodes).at(-1)!.name;
  writeFileSync(join(dir, 'index.html'), await renderDocsSite({ manifest }));
  url = pathToFileURL(join(dir, 'index.html')).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const dag = () => browser.page.evaluate(() => {
  const element = document.querySelector<HTMLElement>('.dag')!;
  return { nodes: Number(element.dataset.nodes), layout: element.dataset.layout, drawn: (window as any).sparkifyDocs.dagNodeIds().length as number };
});

test('the overview of 10,000 models shows the busiest model and its neighbours, laid out by dagre', async () => {
  await browser.page.goto(url);
  await browser.page.waitForSelector('.dag[data-nodes]', { timeout: 120_000 });
  const shown = await dag();
  assert.ok(shown.nodes > 1 && shown.nodes <= 200, `${shown.nodes} nodes`);
  assert.equal(shown.layout, 'dagre');
  assert.match(await browser.page.locator('.lineage-note').innerText(), /10,004 nodes are too many to read at once/);
});

test('the whole graph: all 10,004 nodes drawn on the canvas; zoom and pan keep drawing', async () => {
  await showGraph(browser.page, () => browser.page.goto(url + '#/graph'), 120_000);
  assert.deepEqual(await dag(), { nodes: MODELS + 4, layout: 'layered', drawn: MODELS + 4 });
  const box = (await browser.page.locator('canvas').boundingBox())!;
  await browser.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 5; i++) await browser.page.mouse.wheel(0, -400);
  await browser.page.mouse.down();
  await browser.page.mouse.move(box.x + box.width / 2 + 200, box.y + box.height / 2 + 50, { steps: 5 });
  await browser.page.mouse.up();
  const drawMs = await browser.page.evaluate(() => (window as any).sparkifyDocs.dagDraw() as number);
  assert.ok(Number.isFinite(drawMs));
  assert.deepEqual(browser.errors, []);
});

test('a selector narrows 10,000 models to a neighbourhood dagre lays out, and a click opens a node', async () => {
  const target = lastModel;
  const hash = '#/graph?select=' + encodeURIComponent(`1+${target}+1`);
  await showGraph(browser.page, () => browser.page.goto(url + hash), 120_000);
  const ids = await browser.page.evaluate(() => (window as any).sparkifyDocs.dagNodeIds() as string[]);
  assert.ok(ids.includes(`model.big.${target}`) && ids.length < 10, ids.join(' '));
  assert.equal((await dag()).layout, 'dagre');
  const point = await browser.page.evaluate((id) => (window as any).sparkifyDocs.dagCentreOf(id), `model.big.${target}`);
  await browser.page.mouse.click(point.x, point.y);
  await browser.page.waitForSelector(`h1:text-is("${target}")`);
});
