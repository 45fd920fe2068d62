import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { freshSample, listFiles, REPO_ROOT } from './sample-files.js';

// data/ is generated, never hand-edited: it must equal what `npm run generate-data` writes today.
test('the committed data/ equals a fresh generation with the default settings', () => {
  const committed = join(REPO_ROOT, 'data');
  const fresh = freshSample();
  try {
    const files = listFiles(fresh.dir);
    assert.deepEqual(listFiles(committed), files, 'data/ holds other files than the generator writes');
    for (const file of files) {
      const same = readFileSync(join(committed, file)).equals(readFileSync(join(fresh.dir, file)));
      assert.ok(same, `data/${file} differs from a fresh generation; run: npx tsc -p . && npm run generate-data`);
    }
  } finally {
    fresh.cleanup();
  }
});
