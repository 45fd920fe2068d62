/**
 * The child process behind test/support/s3-server.ts: `node --openssl-legacy-provider
 * s3-server-main.js --serve s3rver DIR` runs s3rver on a free loopback port; `--serve denied`
 * runs a server that answers every request with S3's 403 AccessDenied XML. Either prints
 * `{"port": N}` on one line once listening and exits when its stdin closes (the test ended or died).
 * Without `--serve` it does nothing (npm test runs only *.test.js files, so it is never run as a test).
 */
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** s3rver on 127.0.0.1:0 storing its buckets under `directory`. */
async function serveS3rver(directory: string): Promise<number> {
  // s3rver is CommonJS without types; its continuation tokens use DES, which OpenSSL 3 keeps in
  // the legacy provider (hence the flag on this process).
  const S3rver = require('s3rver') as new (options: object) => { run(): Promise<{ port: number }> };
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [] });
  return (await server.run()).port;
}

// What S3 answers when a policy denies the request (https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html).
const ACCESS_DENIED =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>SPARKIFYTEST</RequestId><HostId>sparkify</HostId></Error>';

/** A loopback server denying every request. */
function serveDenied(): Promise<number> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(403, { 'content-type': 'application/xml', 'x-amz-request-id': 'SPARKIFYTEST' });
      response.end(request.method === 'HEAD' ? undefined : ACCESS_DENIED);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

async function main(mode: string, directory: string | undefined): Promise<void> {
  const port = mode === 'denied' ? await serveDenied() : await serveS3rver(directory!);
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
}

const [flag, mode, directory] = process.argv.slice(2);
if (flag === '--serve') {
  main(mode, directory).catch((error: unknown) => {
    process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
