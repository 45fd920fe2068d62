#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm install`/`npm ci` through the prepare script).
import('../dist/src/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND') {
    console.error('sparkify is not built: run `npm install` (or `npm run build`) in the sparkify folder.');
    process.exit(2);
  }
  throw error;
});
