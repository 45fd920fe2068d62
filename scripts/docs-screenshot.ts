/**
 * `npm run docs-screenshot`: regenerates docs/docs-site.png, the README's picture of the docs site,
 * from the repo's own project: builds a copy of it (so the catalog and the last run are real),
 * generates the site and photographs songplays with the lineage of songplays.user_id open.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchBrowser } from '../test/docs/browser.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sparkify-screenshot-'));
  try {
    for (const entry of ['project.yml', 'sources.yml', 'models', 'macros', 'tests', 'seeds', 'snapshots', 'data']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
    const built = spawnSync(process.execPath, [join(REPO, 'bin/sparkify.js'), 'build'], { cwd: dir, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('sparkify build failed');
    const generated = spawnSync(process.execPath, [join(REPO, 'bin/sparkify.js'), 'docs', 'generate'], { cwd: dir, stdio: 'inherit' });
    if (generated.status !== 0) throw new Error('sparkify docs generate failed');
    const browser = await launchBrowser({ width: 1440, height: 1300 });
    try {
      await browser.page.goto(pathToFileURL(join(dir, 'target/index.html')).href + '#/node/model.sparkify.songplays?column=user_id');
      await browser.page.waitForSelector('#column-lineage svg');
      await browser.page.evaluate(() => window.scrollTo(0, 0));
      await browser.page.screenshot({ path: join(REPO, 'docs/docs-site.png') });
      await browser.page.goto('about:blank');
      await browser.page.goto(pathToFileURL(join(dir, 'target/index.html')).href);
      await browser.page.waitForSelector('.dag[data-nodes]');
      await browser.page.screenshot({ path: join(REPO, 'docs/docs-site-overview.png') });
    } finally {
      await browser.close();
    }
    process.stdout.write('wrote docs/docs-site.png and docs/docs-site-overview.png\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
