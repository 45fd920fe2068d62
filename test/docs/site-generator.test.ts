/** The page generator without a browser: self-contained, data intact, markdown sanitised, no break-out. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSiteData } from '../../src/docs/site/build-site-data.js';
import { embedJson } from '../../src/docs/site/embed-json.js';
import { renderDocsSite } from '../../src/docs/site/render-docs-site.js';
import { scrubDeep } from '../../src/docs/scrub-deep.js';
import { fixtureArtifacts } from './fixtures/dbt-artifacts.js';
import { embeddedData } from './page-data.js';

test('the page references nothing outside itself: no URL at all, no external script, style or image', async () => {
  const html = await renderDocsSite(fixtureArtifacts());
  assert.doesNotMatch(html, /https?:/i);
  assert.doesNotMatch(html, /<script[^>]+src=|<link\b|<img\b|@import|url\((?!#)/i, 'only in-page references (url(#arrow))');
  assert.equal(html.match(/<script\b/g)?.length, 3, 'the data, the layout library and the client');
  assert.match(html, /@license[\s\S]*Chris Pettitt/, 'dagre ships with its licence');
});

test('every resource is in the data: models, both sources, seed, snapshot, tests, unit test and macro', async () => {
  const data = embeddedData(await renderDocsSite(fixtureArtifacts()));
  const byType = (type: string) => data.nodes.filter((n) => n.type === type).map((n) => n.id).sort();
  assert.deepEqual(byType('model'), ['model.shop.customers', 'model.shop.orders']);
  assert.deepEqual(byType('source'), ['source.shop.app.raw_orders', 'source.shop.crm.accounts']);
  assert.deepEqual(byType('seed'), ['seed.shop.countries']);
  assert.deepEqual(byType('snapshot'), ['snapshot.shop.customers_history']);
  assert.equal(byType('test').length, 3);
  assert.deepEqual(byType('unit_test'), ['unit_test.shop.orders.counts_open_orders']);
  assert.deepEqual(byType('macro'), ['macro.shop.cents_to_dollars']);
  assert.equal(data.project.name, 'shop');
  assert.equal(data.project.adapterType, 'pglite');
});

test('descriptions are markdown with doc() blocks resolved; columns come typed from the catalog, in table order', () => {
  const data = buildSiteData(fixtureArtifacts());
  const orders = data.nodes.find((n) => n.id === 'model.shop.orders')!;
  assert.match(orders.description, /<strong>orders<\/strong>/);
  assert.match(orders.description, /One of <code>open<\/code> or <em>shipped<\/em>/);
  assert.equal(orders.text, 'All orders, one row each. One of open or shipped.');
  assert.deepEqual(orders.columns.map((c) => [c.name, c.type]), [['order_id', 'bigint'], ['status', 'text'], ['amount', 'numeric(16,2)']]);
  assert.deepEqual(orders.columns[0].tests, ['test.shop.unique_orders_order_id']);
  assert.deepEqual(orders.columns[1].tests, ['test.shop.accepted_values_orders_status']);
  assert.deepEqual(orders.tests, ['test.shop.orders_have_customers', 'unit_test.shop.orders.counts_open_orders']);
  assert.deepEqual(orders.run, { status: 'success', executionTime: 0.42, message: 'SELECT 1198', startedAt: '2026-01-02T03:00:01Z', completedAt: '2026-01-02T03:00:02Z', failures: undefined, rowsAffected: 1198, rejected: undefined });
  assert.deepEqual(orders.stats.map((s) => [s.id, s.value]), [['row_count', 1198], ['bytes', 81920]]);
  assert.equal(data.lineage['model.shop.orders'].columns[0].edges[0].from.column, 'id');
  assert.deepEqual(data.notices, []);
});

test('a loaded source carries its location, JSONPaths and last load; an existing one none', () => {
  const data = buildSiteData(fixtureArtifacts());
  const loaded = data.nodes.find((n) => n.id === 'source.shop.app.raw_orders')!;
  assert.deepEqual(loaded.load, { location: 'data/orders', jsonpaths: 'data/orders_paths.json', lastLoad: { files: 3, rows: 1200, rejected: 2, loadedAt: '2026-01-02T03:00:00Z' } });
  assert.equal(loaded.label, 'app.raw_orders');
  assert.equal(data.nodes.find((n) => n.id === 'source.shop.crm.accounts')!.load, undefined);
});

test('an unknown doc() reference is shown as missing and listed as a notice', () => {
  const data = buildSiteData(fixtureArtifacts('See {{ doc("nope") }}.'));
  assert.match(data.nodes.find((n) => n.id === 'model.shop.orders')!.description, /missing docs block <code>nope<\/code>/);
  assert.deepEqual(data.notices, [`doc('nope') is referenced but no {% docs nope %} block defines it`]);
});

test('injection: </script> and HTML in a description neither leave the data script nor reach the page as markup', async () => {
  const hostile = 'Evil </script><script>window.pwned = 1</script> <!-- x --> <img src=x onerror="window.pwned=2"> [click](javascript:window.pwned=3) <b>bold</b>';
  const html = await renderDocsSite(fixtureArtifacts(hostile));
  assert.equal(html.match(/<\/script>/g)?.length, 3, 'no extra </script> in the page');
  assert.equal(html.match(/<script\b/g)?.length, 3);
  assert.doesNotMatch(html, /<!-- x -->/);
  const orders = embeddedData(html).nodes.find((n) => n.id === 'model.shop.orders')!;
  // The text survives as text; nothing of it is markup.
  assert.match(orders.description, /Evil &lt;\/script&gt;&lt;script&gt;window.pwned = 1&lt;\/script&gt;/);
  assert.match(orders.description, /&lt;img src=x onerror=/);
  assert.match(orders.description, /&lt;b&gt;bold&lt;\/b&gt;/);
  assert.doesNotMatch(orders.description, /<img|<script|<a\b|<b>|href=/i, 'the javascript: link stays text');
});

test('embedJson escapes every < and the line separators, and parses back to the same value', () => {
  const value = { a: '</script><!--', b: '\u2028\u2029', c: [1, null, 'é'] };
  const text = embedJson(value);
  assert.doesNotMatch(text, /<|\u2028|\u2029/);
  assert.deepEqual(JSON.parse(text), value);
});

test('scrubDeep removes a secret from every string before the page escapes it', () => {
  const secret = 'hunter"2\\x';
  const scrub = (text: string) => text.split(secret).join('****');
  const scrubbed = scrubDeep({ manifest: { nodes: [{ compiled_code: `password '${secret}'`, n: 1 }] } }, scrub);
  assert.deepEqual(scrubbed, { manifest: { nodes: [{ compiled_code: "password '****'", n: 1 }] } });
  assert.doesNotMatch(embedJson(scrubbed), /hunter/);
});

test('lineage given beside the manifest, keyed by sparkify ids, lands under the site ids', () => {
  const lineage = { 'model.customers': { node: 'model.customers', columns: [{ column: 'id', edges: [{ from: { node: 'model.orders', column: 'order_id' }, how: 'rename' as const, via: [] }], unresolved: [] }], indirect: [] } };
  const data = buildSiteData({ ...fixtureArtifacts(), lineage });
  assert.deepEqual(Object.keys(data.lineage).sort(), ['model.shop.customers', 'model.shop.orders']);
  assert.equal(data.lineage['model.shop.customers'].columns[0].edges[0].from.node, 'model.orders', 'references stay as written; the page resolves them');
});

test('a loaded source without a recorded last load takes it from its run in run_results.json', () => {
  const artifacts = fixtureArtifacts();
  delete artifacts.manifest.sources['source.shop.app.raw_orders'].meta!.sparkify!.load!.last_load;
  artifacts.runResults!.results.push({
    unique_id: 'source.shop.app.raw_orders', status: 'success', execution_time: 1.2, message: 'COPY 1198',
    timing: [{ name: 'execute', started_at: '2026-01-02T02:59:00Z', completed_at: '2026-01-02T02:59:01Z' }],
    adapter_response: { rows_affected: 1198, sparkify: { rejected: [{ line: 3 }, { line: 9 }] } },
  });
  const source = buildSiteData(artifacts).nodes.find((n) => n.id === 'source.shop.app.raw_orders')!;
  assert.deepEqual(source.load!.lastLoad, { rows: 1198, rejected: 2, loadedAt: '2026-01-02T02:59:01Z' });
  // sparkify's own run_results.json also says how many files the load read.
  (artifacts.runResults!.results.at(-1)!.adapter_response!.sparkify as { files?: number }).files = 3;
  const withFiles = buildSiteData(artifacts).nodes.find((n) => n.id === 'source.shop.app.raw_orders')!;
  assert.deepEqual(withFiles.load!.lastLoad, { files: 3, rows: 1198, rejected: 2, loadedAt: '2026-01-02T02:59:01Z' });
});
