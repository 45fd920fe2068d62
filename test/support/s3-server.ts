/**
 * A local S3-compatible server for tests (issue 3): s3rver in a child process on a free loopback
 * port with a temp directory, plus helpers to upload folders. s3rver accepts the access key id
 * S3RVER with any secret (it does not check v4 signatures).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { tempDir } from './temp-dir.js';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), 's3-server-main.js');
const START_TIMEOUT_MS = 20_000;
const UPLOADS_AT_ONCE = 8;

/** The access key id s3rver knows. */
export const S3RVER_KEY_ID = 'S3RVER';
/** A secret only these tests use, so its absence from output can be checked. */
export const TEST_SECRET = 'sparkify-test-secret-9f2c41d7e0';
export const TEST_REGION = 'us-east-1';

/** The environment a process needs to reach the test server: credentials, region, no EC2 metadata lookups. */
export function testAwsEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: S3RVER_KEY_ID,
    AWS_SECRET_ACCESS_KEY: TEST_SECRET,
    AWS_REGION: TEST_REGION,
    // Never let the credential chain look for an instance role off this machine.
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...overrides,
  };
}

/** Sets testAwsEnv() on this process, for tests that load in process. */
export function useTestAwsEnv(): void {
  for (const key of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_S3']) delete process.env[key];
  Object.assign(process.env, testAwsEnv());
}

/** A running local server. */
export interface LocalS3 {
  readonly port: number;
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  /** A client for it (path-style, test credentials). */
  readonly client: S3Client;
  createBucket(bucket: string): Promise<void>;
  /** Uploads every file under `folder` (hidden ones included) as `prefix` + its relative path; returns the keys. */
  uploadFolder(bucket: string, folder: string, prefix?: string): Promise<string[]>;
  put(bucket: string, key: string, body: string | Buffer): Promise<void>;
  /**
   * Sets an object's LastModified, as if it were written at `when`: s3rver reports its file's mtime
   * (`<dir>/<bucket>/<key>._S3rver_object`; keys are paths as they are on Linux and macOS).
   */
  backdate(bucket: string, key: string, when: Date): void;
  /** Stops the server and removes its directory; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts s3rver in a child process and waits until it listens. */
export async function startS3Server(): Promise<LocalS3> {
  const directory = tempDir('sparkify-s3-');
  const child = await startChild(['--serve', 's3rver', directory]);
  const endpoint = `http://127.0.0.1:${child.port}`;
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // as src/load/s3/s3-client.ts
  const client = new S3Client({
    endpoint, region: TEST_REGION, forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_KEY_ID, secretAccessKey: TEST_SECRET },
    // s3rver stores request bodies as sent; keep them plain (no aws-chunked checksum trailers).
    requestChecksumCalculation: 'WHEN_REQUIRED',
  });
  const put = async (bucket: string, key: string, body: string | Buffer) => {
    // An explicit length: the SDK cannot measure an empty body and warns.
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: Buffer.byteLength(body) }));
  };
  return {
    port: child.port,
    endpoint,
    client,
    async createBucket(bucket) {
      await client.send(new CreateBucketCommand({ Bucket: bucket }));
    },
    async uploadFolder(bucket, folder, prefix = '') {
      const keys = listFolder(folder).map((file) => ({ file, key: prefix + relative(folder, file).split(sep).join('/') }));
      for (let at = 0; at < keys.length; at += UPLOADS_AT_ONCE) {
        await Promise.all(keys.slice(at, at + UPLOADS_AT_ONCE).map(({ file, key }) => put(bucket, key, readFileSync(file))));
      }
      return keys.map(({ key }) => key);
    },
    put,
    backdate(bucket, key, when) {
      const parts = key.split('/');
      utimesSync(join(directory, bucket, ...parts.slice(0, -1), `${parts.at(-1)}._S3rver_object`), when, when);
    },
    async stop() {
      client.destroy();
      await child.stop();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A loopback server that answers every request with S3's 403 AccessDenied error. */
export async function startDeniedServer(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const child = await startChild(['--serve', 'denied']);
  return { endpoint: `http://127.0.0.1:${child.port}`, stop: () => child.stop() };
}

interface Child {
  port: number;
  stop(): Promise<void>;
}

async function startChild(args: string[]): Promise<Child> {
  const child = spawn(process.execPath, ['--openssl-legacy-provider', MAIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  let stderr = '';
  child.stderr!.on('data', (data: Buffer) => (stderr += data.toString()));
  try {
    const port = await readPort(child, () => stderr);
    return { port, stop: () => stopChild(child, killNow) };
  } catch (error) {
    process.off('exit', killNow);
    killNow();
    throw error;
  }
}

function readPort(child: ChildProcess, stderr: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the test S3 server did not start in time: ${stderr()}`)), START_TIMEOUT_MS);
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { port: number }).port);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the test S3 server exited with ${code}: ${stderr()}`));
    });
  });
}

/** Closes the child's stdin (it exits on its own), killing it if it lingers. */
function stopChild(child: ChildProcess, killNow: () => void): Promise<void> {
  process.off('exit', killNow);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(killNow, 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.stdin!.end();
  });
}

function listFolder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? listFolder(path) : [path];
  });
}
