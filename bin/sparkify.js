#!/usr/bin/env node
// Until the CLI listens for them itself (src/cli/interrupt.ts), SIGINT and SIGTERM end it with the
// code a shell gives a process they end: 130 and 143, as they do once it runs.
// The handler stays once the CLI adds its own (which then sets sparkifyListensForStops): removing it
// would drop a signal that arrived while the CLI's modules were loading, as libuv delivers a pending
// signal only to the handler registered when it arrived.
const stopNow = (signal) => {
  if (!globalThis.sparkifyListensForStops) process.exit(signal === 'SIGTERM' ? 143 : 130);
};
process.on('SIGINT', stopNow).on('SIGTERM', stopNow);

// The compiled CLI lives in dist/ (built by `npm install`/`npm ci` through the prepare script):
// its bundle (scripts/bundle-cli.ts) when it is at least as new as the modules, else the modules
// themselves (after a bare `tsc`, which leaves the bundle behind them).
import { statSync } from 'node:fs';

const modules = new URL('../dist/src/cli/main.js', import.meta.url);
const bundle = new URL('../dist/cli-bundle/main.js', import.meta.url);
const modified = (url) => statSync(url, { throwIfNoEntry: false })?.mtimeMs;
const bundled = modified(bundle);
const entry = bundled !== undefined && bundled >= (modified(modules) ?? Infinity) ? bundle : modules;

import(entry.href).catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('sparkify is not built: run `npm install` (or `npm run build`) in the sparkify folder.');
    process.exit(2);
  }
  throw error;
});
