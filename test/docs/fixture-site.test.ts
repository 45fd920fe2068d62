/**
 * The fixture project's page in chromium: hostile descriptions stay text and run nothing, doc()
 * blocks render, an existing source has no load card, unresolved lineage is shown as such.
 */
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { renderDocsSite } from '../../src/docs/site/render-docs-site.js';
import { launchBrowser, type Browser } from './browser.js';
import { fixtureArtifacts } from './fixtures/dbt-artifacts.js';
import { tempDir } from '../support/temp-dir.js';

const HOSTILE = 'Evil </script><script>window.pwned = 1</script> <img src=x onerror="window.pwned = 2"> [x](javascript:window.pwned=3) {{ doc("order_status") }}';
let dir: string;
let browser: Browser;
let url: string;

before(async () => {
  dir = tempDir('sparkify-docs-fixture-');
  writeFileSync(join(dir, 'index.html'), await renderDocsSite(fixtureArtifacts(HOSTILE)));
  url = pathToFileURL(join(dir, 'index.html')).href;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('a description holding </script>, an onerror image and a javascript: link runs nothing and reads as text', async () => {
  await browser.page.goto(url + '#/node/model.shop.orders');
  await browser.page.waitForSelector('h1:text-is("orders")');
  assert.equal(await browser.page.evaluate(() => (window as any).pwned), undefined);
  const description = await browser.page.locator('.node-page > .description').innerText();
  assert.match(description, /Evil <\/script><script>window\.pwned = 1<\/script> <img src=x onerror="window\.pwned = 2"> \[x\]\(javascript:window\.pwned=3\)/);
  assert.match(description, /One of open or shipped\./, 'the doc() block, rendered');
  assert.equal(await browser.page.locator('.node-page .description img, .node-page .description script').count(), 0);
  assert.deepEqual(browser.errors, []);
});

test('the last run marks a failing test red, with its failing rows', async () => {
  await browser.page.goto(url + '#/node/model.shop.orders');
  const chip = browser.page.locator('tr[data-column="status"] .test-chip');
  assert.equal(await chip.getAttribute('class'), 'chip test-chip status-error');
  assert.match((await chip.getAttribute('title'))!, /fail \(3 failing rows\)/);
});

test('column lineage shows what it could not resolve; an existing source has no load card, a loaded one has', async () => {
  await browser.page.goto(url + '#/node/model.shop.orders?column=status');
  const panel = await browser.page.locator('#column-lineage').innerText();
  assert.match(panel, /orders\.status ← transform ← app\.raw_orders\.state/);
  assert.match(panel, /Not resolved:[\s\S]*udf\(x\): function body not visible/);
  await browser.page.click('#column-lineage details.indirect summary');
  assert.match(await browser.page.locator('#column-lineage details.indirect').innerText(), /orders: filter on app\.raw_orders\.deleted via base/);
  await browser.page.goto(url + '#/node/source.shop.app.raw_orders?column=deleted&direction=downstream');
  await browser.page.click('#column-lineage details.indirect summary');
  assert.match(await browser.page.locator('#column-lineage').innerText(), /app\.raw_orders\.deleted filter via base in orders/);
  await browser.page.goto(url + '#/node/source.shop.crm.accounts');
  await browser.page.waitForSelector('h1:text-is("crm.accounts")');
  assert.equal(await browser.page.locator('.load-card').count(), 0);
  await browser.page.goto(url + '#/node/source.shop.app.raw_orders');
  assert.match(await browser.page.locator('.load-card').innerText(), /Files\s+3[\s\S]*Rows loaded\s+1,200[\s\S]*Rejected records\s+2/);
});
