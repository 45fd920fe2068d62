/**
 * Builds the CLI of an earlier commit under bench/out/baseline-<commit>/, so a benchmark can run the
 * old and the new code in the same session. Reads the commit with `git archive` (the checkout and
 * its index are left alone) and compiles it with this checkout's TypeScript and node_modules,
 * which Node finds by walking up from bench/out/.
 * Usage: node dist/bench/startup/make-baseline.js --commit 3541f16   (prints the CLI's path)
 */

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { caseArgs } from '../lib/args.js';
import { outDir, repoRoot } from '../lib/paths.js';

/** The tree of a baseline made by makeBaseline, from its CLI path. */
export function baselineTree(cli: string): string {
  return join(repoRoot, cli, '..', '..');
}

/** Extracts and compiles `commit` once; returns its bin/sparkify.js relative to the repository root. */
export function makeBaseline(commit: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', commit], { cwd: repoRoot, encoding: 'utf8' }).trim();
  const folder = join(outDir, `baseline-${sha}`);
  const cli = `bench/out/baseline-${sha}/bin/sparkify.js`;
  if (existsSync(join(folder, 'dist', 'src', 'cli', 'main.js'))) return cli;
  mkdirSync(folder, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${sha} | tar -x -C "${folder}"`], { cwd: repoRoot, stdio: 'inherit' });
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder], { stdio: 'inherit' });
  return cli;
}

if (process.argv[1]?.endsWith('make-baseline.js')) {
  const { commit } = caseArgs(process.argv.slice(2));
  if (!commit) throw new Error('usage: make-baseline.js --commit SHA');
  process.stdout.write(makeBaseline(commit) + '\n');
}
