/** The real CLI run asynchronously, so a test can run two at once or kill one mid-build. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { CliResult } from '../e2e/helpers.js';
import { REPO_ROOT } from '../e2e/helpers.js';

/** A running CLI process, its output so far, and its end. */
export interface RunningCli {
  child: ChildProcess;
  stdout(): string;
  /** Resolves once the process has exited (code -1 when killed by a signal). */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts `node bin/sparkify.js <args>` in `cwd`. */
export function startCli(cwd: string, args: string[], env: Record<string, string> = {}): RunningCli {
  const child = spawn(process.execPath, [join(REPO_ROOT, 'bin/sparkify.js'), ...args], {
    cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, stdout: () => stdout, done };
}

/** Waits until the process printed a line matching `pattern` (or fails after `timeoutMs`). */
export async function waitForOutput(cli: RunningCli, pattern: RegExp, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(cli.stdout())) {
    if (cli.child.exitCode !== null || Date.now() > deadline) throw new Error(`no line matching ${pattern}; output:\n${cli.stdout()}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
