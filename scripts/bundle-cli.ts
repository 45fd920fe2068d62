/**
 * Bundles the compiled CLI (dist/src/cli/main.js and what it imports) into dist/cli-bundle/, so
 * that a command loads a few dozen files instead of ~400 small ES modules. Node's module loader
 * spends ~0.2 s on those, and Node 20 has no module compile cache (issue 13; BENCHMARKS section 7).
 * Code splitting keeps each command's modules lazy, as main.ts's dynamic imports intend.
 * Dependencies stay in node_modules. Run by `npm run build`, `prepare` and `npm test` after tsc.
 * bin/sparkify.js falls back to the modules when the bundle is missing or older than them.
 *
 * A module that finds files next to itself (package.json, the template cache's own code) does so
 * through `import.meta.url`. In a chunk that would be the chunk's URL, so each such module gets its
 * own URL, written relative to the chunk folder so the checkout can still move. Worker scripts
 * (`new Worker(new URL('./x-worker.js', import.meta.url))`) are entries of the bundle themselves,
 * beside main.js, and the modules that start them point at those: a load worker started from the
 * modules spent ~35 ms of its ~70 ms start loading ~50 of them.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the chunks go; bin/sparkify.js loads `main.js` from here. */
export const BUNDLE_DIR = join(DIST, 'cli-bundle');

/** `new Worker(new URL('./name.js', import.meta.url)`: how a module starts a worker script beside it. */
const WORKER_SCRIPT = /new Worker\(new URL\('\.\/([\w-]+)\.js', import\.meta\.url\)/g;

/** The worker scripts the compiled modules start, by entry name (the script's name). */
function workerEntries(): Record<string, string> {
  const entries: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.js')) {
        for (const [, name] of readFileSync(path, 'utf8').matchAll(WORKER_SCRIPT)) {
          const script = join(dirname(path), `${name}.js`);
          if (entries[name] !== undefined && entries[name] !== script) throw new Error(`two worker scripts are named ${name}.js`);
          entries[name] = script;
        }
      }
    }
  };
  walk(join(DIST, 'src'));
  return entries;
}

/**
 * Replaces `import.meta.url` in each compiled module with that module's own URL, except where it
 * starts a worker: there it stays the chunk's URL, next to which the worker's own entry is written.
 */
const ownModuleUrls: Plugin = {
  name: 'own-module-urls',
  setup(bundle) {
    bundle.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(join(DIST, 'src')) || !text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const own = `new URL(${JSON.stringify(`./${relative(BUNDLE_DIR, args.path)}`)}, import.meta.url).href`;
      const pieces = text.split(WORKER_SCRIPT);
      // split() with one group: text, name, text, name, …; the texts get the own URL.
      const contents = pieces.map((piece, k) => (k % 2 === 0 ? piece.replaceAll('import.meta.url', own) : `new Worker(new URL('./${piece}.js', import.meta.url)`)).join('');
      return { contents, loader: 'js' };
    });
  },
};

async function main(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: { main: join(DIST, 'src/cli/main.js'), ...workerEntries() },
    outdir: BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunk-[hash]',
    plugins: [ownModuleUrls],
    logLevel: 'warning',
  });
}

await main();
