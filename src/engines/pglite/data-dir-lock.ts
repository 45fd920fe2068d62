import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { EngineErrors } from '../error-codes.js';
import { dirname } from 'node:path';
import { fail } from '../../diagnostics.js';
import { processAlive, readOwnerPid } from '../../files/owner-pid.js';

/**
 * PGlite has no lock of its own and two processes on one data directory corrupt it, so we keep a
 * lock file beside the directory holding the owner's pid. A lock left by a dead process is stale
 * and taken over.
 */
export class DataDirLock {
  private held = false;

  constructor(private readonly lockPath: string, private readonly displayPath: string) {}

  /** Takes the lock or fails with the pid of the process holding it. */
  acquire(): void {
    mkdirSync(dirname(this.lockPath), { recursive: true });
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.lockPath, 'wx');
        writeSync(fd, String(process.pid));
        closeSync(fd);
        this.held = true;
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const owner = this.owner();
        if (owner !== undefined && owner !== process.pid && processAlive(owner)) {
          fail(EngineErrors.warehouseInUse, `the embedded warehouse ${this.displayPath} is in use by pid ${owner}`, undefined,
            'wait for that sparkify command to finish, or stop it; PGlite allows one process at a time');
        }
        rmSync(this.lockPath, { force: true });
      }
    }
    fail(EngineErrors.warehouseInUse, `could not lock the embedded warehouse ${this.displayPath}`, undefined, `remove ${this.lockPath} if no sparkify command is running`);
  }

  /** Releases the lock if this process holds it. */
  release(): void {
    if (!this.held) return;
    if (this.owner() === process.pid) rmSync(this.lockPath, { force: true });
    this.held = false;
  }

  private owner(): number | undefined {
    return readOwnerPid(this.lockPath);
  }
}
