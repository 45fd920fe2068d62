/**
 * docs/errors.md and the code agree: every code the catalogue lists is raised somewhere in src/ (or
 * is marked retired), and every code in src/ has its row. SPK402 sat in the catalogue for months
 * as "defined but never raised"; a code added without its row is invisible to users.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

/** The repository root (this file runs from dist/test/docs). */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const CODE = /SPK\d{3}/g;
/** How a row says its code is no longer raised. */
const RETIRED = /\*\*(Retired|No longer raised)/;

function catalogue(): Map<string, string> {
  const rows = readFileSync(join(REPO_ROOT, 'docs/errors.md'), 'utf8').split('\n').filter((line) => /^\| SPK\d{3} \|/.test(line));
  return new Map(rows.map((row) => [row.slice(2, 8), row]));
}

function codesInSource(): Set<string> {
  const src = join(REPO_ROOT, 'src');
  const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts'));
  return new Set(files.flatMap((path) => readFileSync(join(src, path), 'utf8').match(CODE) ?? []));
}

test('every code in docs/errors.md is raised in src/, or marked retired', () => {
  const raised = codesInSource();
  const unused = [...catalogue()].filter(([code, row]) => !raised.has(code) && !RETIRED.test(row)).map(([code]) => code);
  assert.deepEqual(unused, []);
  assert.match(catalogue().get('SPK402') ?? '', RETIRED);
});

test('every code raised in src/ has its row in docs/errors.md', () => {
  const documented = catalogue();
  assert.deepEqual([...codesInSource()].filter((code) => !documented.has(code)).sort(), []);
});
