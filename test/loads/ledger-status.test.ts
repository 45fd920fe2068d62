/**
 * Issue 12: `sparkify ls --select source:... --ledger` and `sparkify debug` show, per source, the
 * files its ledger holds against its location (loaded, new, changed, gone) and what the next build
 * loads — read from a real PGlite warehouse built by the CLI.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ledgerCounts } from '../../src/cli/debug/ledger-status.js';
import { sparkify } from '../e2e/helpers.js';
import { dayFile, project, putBack, takeOut } from './scenarios.js';

describe('the load ledger in ls --ledger and debug (issue 12)', () => {
  let dir: string;
  before(() => {
    dir = project();
    const day30 = takeOut(dir, 30);
    const built = sparkify(dir, ['build']);
    assert.equal(built.code, 0, built.stdout + built.stderr);
    putBack(dir, 30, day30);
  });

  test('a new file: 29 loaded, 1 new; the next build appends it', () => {
    const ls = sparkify(dir, ['ls', '--select', 'source:sparkify.staging_events', '--ledger']);
    assert.equal(ls.code, 0, ls.stdout + ls.stderr);
    // The singular test on songplays is selected too (its parent's source): it gets no ledger line.
    assert.match(ls.stdout, /^source:sparkify\.staging_events {2}29 files loaded \(\d+ rows\): 1 new, 0 changed, 0 gone; next build: 1 new file to append\nevery_next_song_event_is_a_songplay\n$/);
    const plain = sparkify(dir, ['ls', '--select', 'source:sparkify.staging_events']);
    assert.equal(plain.stdout, 'source:sparkify.staging_events\nevery_next_song_event_is_a_songplay\n', 'without --ledger ls prints names only');
  });

  test('a changed file too: counted, and the next build reloads in full, saying which; debug says the same', () => {
    const file = join(dir, dayFile(12));
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
    const ls = sparkify(dir, ['ls', '--select', 'source:sparkify.staging_events', '--ledger']);
    const line = /29 files loaded \(\d+ rows\): 1 new, 1 changed, 0 gone; next build: full reload, 1 file changed since loaded \(.*2018-11-12-events\.json\)/;
    assert.match(ls.stdout, line);
    const debug = sparkify(dir, ['debug']);
    assert.match(debug.stdout + debug.stderr, /ledger sparkify\.staging_events/);
    assert.match(debug.stdout + debug.stderr, line);
    assert.match(debug.stdout + debug.stderr, /ledger sparkify\.staging_songs.*20 files loaded \(\d+ rows\): 0 new, 0 changed, 0 gone; next build: nothing new/);
  });

  test('a target that keeps no ledgers: ls --ledger is SPK031 and says how to keep them', () => {
    const ls = sparkify(dir, ['ls', '--select', 'source:sparkify.staging_events', '--ledger', '--target', 'prod']);
    assert.notEqual(ls.code, 0);
    assert.match(ls.stdout + ls.stderr, /--ledger: target prod keeps no load ledgers/);
    assert.match(ls.stdout + ls.stderr, /SPK031/);
    assert.match(ls.stdout + ls.stderr, /manifest_prefix/);
  });
});

describe('ledgerCounts', () => {
  test('new, changed (size or version) and gone, against the listing', () => {
    const entry = (key: string, size: number, version: string) => ({ key, size, version, rowsLoaded: 10, rowsRejected: 0, loadId: 'a', fullLoadId: 'a' });
    const file = (path: string, size: number, version: string) => ({ path, display: path, size, version });
    const counts = ledgerCounts({
      ledger: [entry('a', 1, 'x'), entry('b', 2, 'y'), entry('c', 3, 'z'), entry('d', 4, 'w')],
      files: [file('a', 1, 'x'), file('b', 5, 'y'), file('c', 3, 'q'), file('e', 6, 'v')],
    });
    assert.deepEqual(counts, { loaded: 4, rows: 40, fresh: 1, changed: 2, gone: 1 });
  });
});
