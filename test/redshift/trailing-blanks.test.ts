/**
 * Trailing blanks in varchar values (issue 15, point 8). "Because ADDRESS1 is a VARCHAR column, the
 * trailing blanks in the second inserted address are semantically insignificant. In other words,
 * these two inserted addresses match" (https://docs.aws.amazon.com/redshift/latest/dg/r_Examples_with_character_types.html);
 * PostgreSQL compares them as different strings (test/adapters/agreement-suite.ts shows it). Where
 * sparkify compares values itself it uses the engine's own equality, on purpose: the unique-key
 * check guards the MERGE/DELETE that matches rows by that equality, and a snapshot's check must
 * close exactly the rows its UPDATE matches. The golden files show the comparisons as they are
 * written, so a change to them is reviewed against that page.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO_ROOT } from '../e2e/helpers.js';

const golden = (name: string) => readFileSync(join(REPO_ROOT, 'test/golden/redshift', name), 'utf8');

test("a snapshot's check strategy compares with Redshift's own <> (r_Examples_with_character_types.html): 'paid' and 'paid ' are no change there", () => {
  assert.match(golden('snapshots/by_level-later.sql'), /"source_rows"\."level" <> "by_level"\."level" OR \("source_rows"\."level" IS NULL\) <> \("by_level"\."level" IS NULL\)/);
});

test("the unique-key check groups by the key as the MERGE and DELETE ... USING it guards match rows: by Redshift's = (r_Examples_with_character_types.html)", () => {
  const merge = golden('incremental-merge.sql');
  assert.match(merge, /GROUP BY "id"\nHAVING count\(\*\) > 1/);
  assert.match(merge, /ON "plays"\."id" = "new_rows"\."id"/);
  assert.match(golden('incremental-delete-insert.sql'), /WHERE "plays"\."id" = "plays__sparkify_batch_00000000"\."id"/);
});
