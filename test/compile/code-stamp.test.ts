import assert from 'node:assert/strict';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeStamp, computeStamp } from '../../src/compile/code-stamp.js';
import { tempDir } from '../support/temp-dir.js';

test("the code stamp changes when sparkify's compiled code is rebuilt, and only then", () => {
  const root = tempDir('sparkify-code-stamp-');
  mkdirSync(join(root, 'compile'));
  writeFileSync(join(root, 'compile', 'a.js'), 'export const a = 1;\n');
  writeFileSync(join(root, 'notes.txt'), 'not code');
  const first = computeStamp(root);
  assert.equal(computeStamp(root), first);
  writeFileSync(join(root, 'notes.txt'), 'still not code, and longer');
  assert.equal(computeStamp(root), first, 'files other than .js do not count');
  utimesSync(join(root, 'compile', 'a.js'), new Date(2020, 0, 1), new Date(2020, 0, 1));
  const touched = computeStamp(root);
  assert.notEqual(touched, first, 'a file rewritten by tsc (new time) changes it');
  writeFileSync(join(root, 'b.js'), '');
  assert.notEqual(computeStamp(root), touched, 'a new file changes it');
  assert.match(codeStamp(), /^[\w-]{43}$/);
});
