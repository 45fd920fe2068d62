/** A file naming the process that owns something (a lock, a temporary folder), and whether that process still runs. */
import { readFileSync } from 'node:fs';

/** The process id written in `file`; undefined when the file is missing or holds no process id. */
export function readOwnerPid(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether process `pid` exists (EPERM: it does, under another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
