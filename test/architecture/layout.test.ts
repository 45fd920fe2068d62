/**
 * Issue 8's structure, checked on the source itself: folders import each other in one direction only,
 * only src/engines/ knows engines by name, and every error code comes from a table.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');
const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.ts'));
const text = (path: string) => readFileSync(join(SRC, path), 'utf8');

/** The top folder of a src-relative path ('.' for files directly in src/). */
function folderOf(path: string): string {
  const parts = normalize(path).split(sep);
  return parts.length === 1 ? '.' : parts[0];
}

/** Folder → the folders it imports from (type imports included: they are dependencies too). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const path of files) {
    for (const match of text(path).matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
      const target = relative(SRC, resolve(SRC, dirname(path), match[1]));
      const [from, to] = [folderOf(path), folderOf(target)];
      if (from !== to) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

/** A cycle through `start`, as the folders on it, or undefined. */
function cycleFrom(graph: Map<string, Set<string>>, start: string): string[] | undefined {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (folder: string): string[] | undefined => {
    if (folder === start && path.length > 0) return [...path, start];
    if (seen.has(folder)) return undefined;
    seen.add(folder);
    path.push(folder);
    for (const next of graph.get(folder) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    return undefined;
  };
  return visit(start);
}

test('no two folders of src/ import each other, directly or through others', () => {
  const graph = folderGraph();
  const cycles = [...graph.keys()].map((folder) => cycleFrom(graph, folder)).filter((cycle) => cycle !== undefined);
  assert.deepEqual(cycles.map((cycle) => cycle.join(' -> ')), []);
});

test('the check finds a cycle when there is one', () => {
  const graph = new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])]]);
  assert.deepEqual(cycleFrom(graph, 'a'), ['a', 'b', 'c', 'a']);
});

test('nothing outside src/engines/ compares a target type with an engine name', () => {
  const byName = /(['"])(pglite|postgres|redshift)\1\s*(===|!==|==|!=)|(===|!==|==|!=)\s*(['"])(pglite|postgres|redshift)\5|case\s+(['"])(pglite|postgres|redshift)\7/;
  const offenders = files.filter((path) => folderOf(path) !== 'engines' && byName.test(text(path)));
  assert.deepEqual(offenders, []);
});

test('every SPK code is defined in an error-code table, never written bare where it is raised', () => {
  const tables = files.filter((path) => /(^|\/)(error-codes|s3-errors)\.ts$/.test(path));
  assert.ok(tables.length >= 10, 'each folder has its table');
  const bare = files.filter((path) => !tables.includes(path) && /'SPK\d{3}'/.test(text(path)));
  assert.deepEqual(bare, []);
});

test('the plan types carry no per-kind optional fields: each kind has its own plan type', () => {
  const planTypes = text('plan/types.ts');
  assert.doesNotMatch(planTypes, /\b(test|unitTest)\?:/);
});
