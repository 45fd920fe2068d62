import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The page's scripts: the graph-layout library's own dist file, then sparkify's client. */
export interface ClientScripts {
  layoutLibrary: string;
  client: string;
}

let cached: Promise<ClientScripts> | undefined;

/**
 * Bundles the browser code (../client/, compiled by tsc next to this file) with esbuild into one
 * script, once per process. The selection grammar of src/graph comes along, so the page's selector
 * box and the CLI's --select agree. dagre is not bundled: its minified dist file (with its
 * licence) is inlined as it ships.
 */
export function clientScripts(): Promise<ClientScripts> {
  cached ??= Promise.all([bundleClient(), layoutLibrary()]).then(([client, layout]) => ({ client, layoutLibrary: layout }));
  return cached;
}

async function bundleClient(): Promise<string> {
  const entry = fileURLToPath(new URL('../client/main.js', import.meta.url));
  const result = await build({
    entryPoints: [entry], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022',
    minify: true, legalComments: 'none', logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

function layoutLibrary(): string {
  const main = createRequire(import.meta.url).resolve('@dagrejs/dagre');
  const folder = dirname(main);
  return `${readFileSync(join(folder, 'dagre.min.js.LEGAL.txt'), 'utf8').trim()}\n${readFileSync(join(folder, 'dagre.min.js'), 'utf8')}`;
}
