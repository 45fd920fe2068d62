/** The load ledger's pure decisions (issue 12): which files a source loads, and why a full reload. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LedgerEntry, ListedFile } from '../../src/plan/loads/load-ledger.js';
import { loadSummary, planLoad } from '../../src/plan/loads/plan-load.js';

const file = (day: number, version = '1'): ListedFile => ({ path: `/d/${day}.json`, display: `d/${day}.json`, size: 100 + day, version });
const entry = (day: number, version = '1'): LedgerEntry => ({
  key: `/d/${day}.json`, size: 100 + day, version, rowsLoaded: 10, rowsRejected: 0, loadId: 'load0001', fullLoadId: 'load0001',
});
const days = (n: number) => Array.from({ length: n }, (_, k) => k + 1);

test('new files are appended, with the full load of the ledger kept', () => {
  const decision = planLoad({ files: days(30).map((d) => file(d)), ledger: days(29).map((d) => entry(d)) }, 'run00002', false, true);
  assert.equal(decision.mode, 'append');
  assert.deepEqual(decision.files?.map((f) => f.path), ['/d/30.json']);
  assert.equal(decision.unchanged, 29);
  assert.deepEqual([decision.loadId, decision.fullLoadId], ['run00002', 'load0001']);
  assert.equal(loadSummary(decision, 12), '1 new file, 12 rows; 29 unchanged');
});

test('nothing new: no file to read', () => {
  const decision = planLoad({ files: days(3).map((d) => file(d)), ledger: days(3).map((d) => entry(d)) }, 'run00002', false, true);
  assert.equal(decision.mode, 'none');
  assert.equal(loadSummary(decision, null), '0 new files; 3 unchanged');
});

test('a changed file, a vanished one, another location, --full-refresh: a full reload that says why', () => {
  const ledger = days(3).map((d) => entry(d));
  assert.deepEqual(pick(planLoad({ files: [file(1), file(2, '2'), file(3)], ledger }, 'r', false, true)), ['full', '1 file changed since loaded (/d/2.json)']);
  assert.deepEqual(pick(planLoad({ files: [file(1), file(3)], ledger }, 'r', false, true)), ['full', '1 file gone (/d/2.json)']);
  assert.deepEqual(pick(planLoad({ files: [{ ...file(1), path: '/e/1.json' }], ledger }, 'r', false, true)), ['full', 'the location holds none of the 3 files loaded before']);
  assert.deepEqual(pick(planLoad({ files: days(3).map((d) => file(d)), ledger }, 'r', true, true)), ['full', '--full-refresh']);
});

test('no ledger, no staging table, or no listing: a full load of what the location holds', () => {
  assert.equal(planLoad({ files: [file(1)] }, 'r', false, true).mode, 'full');
  assert.equal(planLoad({ files: [file(1)], ledger: [entry(1)] }, 'r', false, false).mode, 'full');
  const unlisted = planLoad({ ledger: [entry(1)] }, 'r', false, true);
  assert.deepEqual([unlisted.mode, unlisted.files], ['full', undefined]);
  assert.equal(planLoad(undefined, 'r', false, false).fullLoadId, 'r');
});

function pick(decision: { mode: string; reason?: string }): [string, string | undefined] {
  return [decision.mode, decision.reason];
}

test('a table whose definition changed since its load, or a ledger without one: a full reload that says why', () => {
  const ledger = days(3).map((d) => ({ ...entry(d), definition: 'def00001' }));
  const files = days(4).map((d) => file(d));
  const same = planLoad({ files, ledger, definition: 'def00001' }, 'r', false, true);
  assert.deepEqual([same.mode, same.definition], ['append', 'def00001']);
  const changed = planLoad({ files, ledger, definition: 'def00002' }, 'r', false, true);
  assert.deepEqual([...pick(changed), changed.definition], ['full', 'its columns, JSONPaths or load options in sources.yml changed since it was loaded', 'def00002']);
  const both = planLoad({ files: [file(1), file(2, '2'), file(3)], ledger, definition: 'def00002' }, 'r', false, true);
  assert.equal(pick(both)[1], 'its columns, JSONPaths or load options in sources.yml changed since it was loaded; 1 file changed since loaded (/d/2.json)');
  const old = planLoad({ files, ledger: days(3).map((d) => entry(d)), definition: 'def00001' }, 'r', false, true);
  assert.match(pick(old)[1] ?? '', /written by an earlier sparkify/);
});

test('a file with a new modification time but its loaded size and checksum is the same file; other bytes of that size are a change', () => {
  const ledger = days(2).map((d) => ({ ...entry(d), checksum: `sum-${d}` }));
  const touched = planLoad({ files: [file(1), { ...file(2, '2'), checksum: 'sum-2' }], ledger }, 'r', false, true);
  assert.equal(touched.mode, 'none');
  const rewritten = planLoad({ files: [file(1), { ...file(2, '2'), checksum: 'sum-other' }], ledger }, 'r', false, true);
  assert.deepEqual(pick(rewritten), ['full', '1 file changed since loaded (/d/2.json)']);
  // A ledger without checksums (Redshift: the ETag is the version) decides by the version alone.
  assert.equal(planLoad({ files: [file(1), { ...file(2, '2'), checksum: 'sum-2' }], ledger: days(2).map((d) => entry(d)) }, 'r', false, true).mode, 'full');
});
