import { spawn } from 'node:child_process';
import { chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunAs } from './server-user.js';

/** The superuser that initdb creates. */
export const SUPERUSER = 'postgres';

/**
 * Creates a cluster in `dataDir` owned by the server user: password (SCRAM) authentication, UTF8,
 * and the C locale, which is what PGlite uses, so text sorts the same on both engines.
 */
export async function initCluster(initdb: string, dataDir: string, password: string, runAs: RunAs): Promise<void> {
  const workDir = join(dataDir, '..');
  const passwordFile = join(workDir, 'superuser-password');
  mkdirSync(dataDir, { mode: 0o700 });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined) for (const path of [dataDir, passwordFile]) chownSync(path, runAs.uid, runAs.gid!);
  try {
    await run(initdb, [
      `--pgdata=${dataDir}`, `--username=${SUPERUSER}`, `--pwfile=${passwordFile}`, '--auth=scram-sha-256',
      '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions',
    ], runAs, workDir);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

function run(program: string, args: string[], runAs: RunAs, cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...runAs, cwd, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`initdb failed (${code ?? signal}):\n${output}`));
    });
  });
}
