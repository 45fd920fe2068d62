/**
 * The docs page of a generated 10,000-model manifest in headless chromium: how long it takes to open
 * (overview ready), to lay out and draw the whole graph, to redraw it (zoomed out and at 1:1), and
 * how dagre scales on K consecutive intermediate models (why the page switches to its own layering above 200).
 * Usage: node dist/bench/docs/case-browser.js --models 10000
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderDocsSite } from '../../src/docs/site/render-docs-site.js';
import { launchBrowser } from '../../test/docs/browser.js';
import { largeManifest } from '../../test/docs/fixtures/large-manifest.js';
import { caseArgs } from '../lib/args.js';
import { outDir } from '../lib/paths.js';
import { reportCase, startClock } from '../lib/runs.js';
import { summarize } from '../lib/stats.js';

const models = Number(caseArgs(process.argv.slice(2)).models ?? 10_000);
mkdirSync(outDir, { recursive: true });
const file = join(outDir, `docs-large-${models}.html`);
writeFileSync(file, await renderDocsSite({ manifest: largeManifest(models) }));
const browser = await launchBrowser();
const page = browser.page;
const total = startClock();
await page.goto(pathToFileURL(file).href);
await page.waitForSelector('.dag[data-nodes]', { timeout: 300_000 });
const openMs = total().ms;
const wholeStart = startClock();
await page.goto(pathToFileURL(file).href + '#/graph');
await page.waitForFunction(() => document.querySelector('.graph-info')!.textContent !== '', null, { timeout: 300_000 });
const wholeMs = wholeStart().ms;
const measured = await page.evaluate(() => {
  const docs = (window as any).sparkifyDocs;
  const dag = document.querySelector<HTMLElement>('.dag')!;
  const redraw = () => Array.from({ length: 15 }, () => docs.dagDraw() as number);
  const zoomedOut = redraw();
  const controls = docs.app.dag.canvas.controls;
  controls.set(1, controls.tx, controls.ty);
  const atOneToOne = redraw();
  return { layoutMs: Number(dag.dataset.layoutMs), zoomedOut, atOneToOne };
});
const dagre = await page.evaluate((sizes: number[]) => {
  const docs = (window as any).sparkifyDocs;
  // Connected subgraphs: K consecutive intermediate models (the staging models share no edges).
  const ids: string[] = docs.app.index.data.nodes.filter((n: { type: string; name: string }) => n.type === 'model' && n.name.startsWith('int_')).map((n: { id: string }) => n.id)
    .sort((a: string, b: string) => a.slice(-5).localeCompare(b.slice(-5)));
  const out: Record<string, number> = {};
  for (const size of sizes) {
    const keep = new Set(ids.slice(0, size));
    const graph = new (window as any).dagre.graphlib.Graph();
    graph.setGraph({ rankdir: 'LR', nodesep: 14, ranksep: 56 });
    graph.setDefaultEdgeLabel(() => ({}));
    for (const id of keep) graph.setNode(id, { width: 150, height: 30 });
    for (const id of keep) for (const parent of docs.app.index.node(id).parents) if (keep.has(parent)) graph.setEdge(parent, id);
    const started = performance.now();
    (window as any).dagre.layout(graph);
    out[`dagre${size}Ms`] = Math.round(performance.now() - started);
  }
  return out;
}, [100, 200, 400, 800]);
await browser.close();
const median = (values: number[]) => Number(summarize(values).median.toFixed(1));
reportCase({ ...total(), openMs: Math.round(openMs), wholeGraphMs: Math.round(wholeMs), layeredLayoutMs: Math.round(measured.layoutMs), redrawZoomedOutMs: median(measured.zoomedOut), redrawOneToOneMs: median(measured.atOneToOne), ...dagre });
