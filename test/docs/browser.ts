/**
 * Debian's chromium, driven by playwright-core: headless, sandbox off (CI runs as root), every
 * background service off (the machine has no network), a fresh profile per launch. The page's
 * requests are recorded so a test can check that nothing but the file itself was loaded.
 */
import { rmSync } from 'node:fs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from '../support/temp-dir.js';

/** Where CI and the README's setup install it (`apt-get install chromium`). */
export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A browser with one page, what the page requested, what it logged as errors, and how to close it all. */
export interface Browser {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
  close(): Promise<void>;
}

/** Starts chromium with a fresh --user-data-dir and opens a page of the given size. */
export async function launchBrowser(viewport = { width: 1400, height: 900 }): Promise<Browser> {
  const profile = tempDir('sparkify-chromium-');
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport });
  const page = context.pages()[0] ?? (await context.newPage());
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  return {
    context, page, requests, errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs `navigate` (a click or a goto that changes the hash) and waits for the graph page it builds
 * to show its info line. The page is built again on a hash change, so the old page's line, still
 * there for a moment, is marked and passed over.
 */
export async function showGraph(page: Page, navigate: () => Promise<unknown>, timeout = 30_000): Promise<void> {
  await page.evaluate(() => document.querySelector('.graph-info')?.setAttribute('data-stale', ''));
  await navigate();
  await page.waitForFunction(() => {
    const info = document.querySelector('.graph-info');
    return info !== null && !info.hasAttribute('data-stale') && info.textContent !== '';
  }, null, { timeout });
}
