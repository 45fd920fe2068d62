import { spawn, type ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import type { RunAs } from './server-user.js';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 15_000;
const LOG_KEEP_CHARS = 8_000;

/** How to reach a server for the readiness probe. */
export interface Probe {
  port: number;
  user: string;
  password: string;
}

/** A running `postgres` process. */
export class Postmaster {
  private log = '';

  private constructor(private readonly child: ChildProcess, readonly port: number) {
    const keep = (chunk: Buffer) => (this.log = (this.log + chunk.toString()).slice(-LOG_KEEP_CHARS));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
  }

  /**
   * Starts `postgres` on 127.0.0.1:port, and on a Unix socket only in `socketDir` when given (never
   * a shared socket folder), with durability off because the cluster is thrown away. Resolves once it accepts a
   * login; rejects with its log if it exits first.
   */
  static async start(program: string, dataDir: string, probe: Probe, runAs: RunAs, socketDir = ''): Promise<Postmaster> {
    const settings = {
      listen_addresses: '127.0.0.1', unix_socket_directories: socketDir, fsync: 'off', synchronous_commit: 'off',
      full_page_writes: 'off',
      // PGlite runs in UTC; a different zone here shows up as a difference if a model depends on it.
      TimeZone: 'America/New_York',
    };
    const args = ['-D', dataDir, '-p', String(probe.port), ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])];
    const child = spawn(program, args, { ...runAs, cwd: dataDir, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const postmaster = new Postmaster(child, probe.port);
    await postmaster.waitReady(probe);
    return postmaster;
  }

  /** The server's recent log lines (for failure messages). */
  get recentLog(): string {
    return this.log;
  }

  /** Whether the process has exited. */
  get exited(): boolean {
    return this.child.exitCode !== null || this.child.signalCode !== null;
  }

  /** Fast shutdown (SIGINT: roll back open transactions, disconnect), SIGKILL if it hangs. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Kills at once; for process exit, where nothing can be awaited. */
  killNow(): void {
    if (!this.exited) this.child.kill('SIGKILL');
  }

  private async waitReady(probe: Probe): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let spawnError: Error | undefined;
    this.child.once('error', (error) => (spawnError = error));
    for (;;) {
      if (spawnError) throw spawnError;
      if (this.exited) throw new Error(`postgres exited during start-up:\n${this.log}`);
      if (await canLogIn(probe)) return;
      if (Date.now() > deadline) {
        await this.stop();
        throw new Error(`postgres did not accept connections within ${READY_TIMEOUT_MS / 1000}s:\n${this.log}`);
      }
      await sleep(100);
    }
  }
}

async function canLogIn(probe: Probe): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', database: 'postgres', ...probe });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
