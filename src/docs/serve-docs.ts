import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fail } from '../diagnostics.js';
import { DocsErrors } from './error-codes.js';

/** A running docs server. */
export interface DocsServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8', '.sql': 'text/plain; charset=utf-8', '.png': 'image/png' };

// The page needs nothing from the network; the policy makes a served page as offline as a file:// one.
const POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Serves the files of `dir` (target/) read-only: `/` is index.html, paths cannot leave the folder,
 * only GET and HEAD are answered. Listens on `host` (loopback unless told otherwise).
 */
export async function serveDocs(dir: string, host: string, port: number, shownDir = dir): Promise<DocsServer> {
  const root = resolve(dir);
  if (!existsSync(join(root, 'index.html'))) {
    fail(DocsErrors.nothingToServe, `no ${join(shownDir, 'index.html')} to serve`, undefined, 'run sparkify docs generate first');
  }
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'x:/').pathname);
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    const inside = file === root || file.startsWith(root + sep);
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    if (!inside || !existsSync(file) || !statSync(file).isFile()) return void response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
    response.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': statSync(file).size,
      'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Security-Policy': POLICY,
    });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((done, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(error));
    server.listen(port, host, () => done());
  }).catch((error: NodeJS.ErrnoException) => fail(DocsErrors.cannotListen, `cannot listen on ${host}:${port}: ${error.code ?? error.message}`, undefined,
    error.code === 'EADDRINUSE' ? `port ${port} is taken: pass another with --port` : 'check --host and --port'));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  const shown = host.includes(':') ? `[${host}]` : host;
  return { server, url: `http://${shown}:${bound}/`, close: () => new Promise((done) => server.close(() => done())) };
}
