/**
 * Bundles the compiled CLI (dist/src/cli/main.js and what it imports) into dist/cli-bundle/, so
 * that a command loads a few dozen files instead of ~400 small ES modules. Node's module loader
 * spends ~0.2 s on those, and Node 20 has no module compile cache (issue 13; BENCHMARKS section 7).
 * Code splitting keeps each command's modules lazy, as main.ts's dynamic imports intend.
 * Dependencies stay in node_modules. Run by `npm run build`, `prepare` and `npm test` after tsc.
 * bin/sparkify.js falls back to the modules when the bundle is missing or older than them.
 *
 * A module that finds files next to itself (worker scripts, package.json, the template cache's own
 * code) does so through `import.meta.url`. In a chunk that would be the chunk's URL, so each such
 * module gets its own URL, written relative to the chunk folder so the checkout can still move.
 */
import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where the chunks go; bin/sparkify.js loads `main.js` from here. */
export const BUNDLE_DIR = join(DIST, 'cli-bundle');

/** Replaces `import.meta.url` in each compiled module with that module's own URL. */
const ownModuleUrls: Plugin = {
  name: 'own-module-urls',
  setup(bundle) {
    bundle.onLoad({ filter: /\.js$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(join(DIST, 'src')) || !text.includes('import.meta.url')) return { contents: text, loader: 'js' };
      const own = `new URL(${JSON.stringify(`./${relative(BUNDLE_DIR, args.path)}`)}, import.meta.url).href`;
      return { contents: text.replaceAll('import.meta.url', own), loader: 'js' };
    });
  },
};

async function main(): Promise<void> {
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await build({
    entryPoints: [join(DIST, 'src/cli/main.js')],
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
