/**
 * Seeds on Redshift: no COPY FROM STDIN (https://docs.aws.amazon.com/redshift/latest/dg/r_COPY.html
 * reads S3, DynamoDB, EMR or SSH hosts, never the client), so the plan carries the CSV rows as
 * multi-row INSERTs (https://docs.aws.amazon.com/redshift/latest/dg/r_INSERT_30.html: "VALUES
 * ( ... ), ( ... )"), in statements under Redshift's 16 MB
 * (https://docs.aws.amazon.com/redshift/latest/dg/c_redshift-sql.html), into a side table swapped in.
 */
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { seedStatements } from '../../src/engines/redshift/load-seed.js';
import type { SeedNode } from '../../src/manifest/seed-node.js';
import { assertGolden } from '../golden.js';
import { compileFor, dialect, RS_PROJECT_YML } from './helpers.js';

const PLANS_CSV = [
  'plan,fee,since,note,active',
  'free,0,2018-11-01,"it\'s free, with ads",true',
  'paid,9.99,2018-11-02,"back\\slash \\\'; DROP TABLE users; --",TRUE',
  'family,14.5,,"two',
  'lines, Zoë 🎧",',
  '"",,2018-11-04,\\N,false',
  '',
].join('\n');

/** The rs project with a `plans` seed whose fee column is declared. */
function seedProject(csv = PLANS_CSV, types = '{fee: "numeric(5,2)"}') {
  return compileFor({ 'project.yml': `${RS_PROJECT_YML}seeds:\n  plans:\n    column_types: ${types}\n`, 'seeds/plans.csv': csv });
}

function planError(work: () => unknown): SparkifyError {
  try {
    work();
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  assert.fail('expected a SparkifyError');
}

test('a seed loads with INSERT ... VALUES into a side table swapped in, in one transaction (r_INSERT_30.html, r_CREATE_TABLE_NEW.html, r_ALTER_TABLE.html)', () => {
  const fixture = seedProject();
  const plan = planNodes(fixture.compiled.manifest, ['seed.plans'], dialect)[0];
  const sql = renderPlan(plan);
  assertGolden('redshift/seed-insert.sql', sql);
  assert.equal(plan.statements[0].sql, 'BEGIN');
  assert.equal(plan.statements.at(-1)!.sql, 'COMMIT');
  assert.ok(!/FROM STDIN|COPY /.test(sql), 'no client-fed COPY on Redshift');
  assert.match(sql, /"fee" numeric\(5,2\)/, 'the declared type');
  assert.match(sql, /"note" varchar\(35\)/, 'inferred text: VARCHAR of the longest value in bytes');
  assert.match(sql, /\('family', 14\.5, NULL, 'two\nlines, Zoë 🎧', NULL\)/, 'a quoted line break stays in the value; empty is NULL');
  assert.match(sql, /\(NULL, NULL, CAST\('2018-11-04' AS DATE\), '\\\\N', FALSE\)/, '"" is NULL as on the COPY path; \\N is text');
  assert.equal(plan.statements.filter((s) => s.reportsRows).length, 1);
});

test('rows go in batches bounded by bytes and by rows, in file order, each row once', () => {
  const rows = Array.from({ length: 25 }, (_, i) => ({ line: i + 2, values: [String(i), 'x'.repeat(i)] }));
  const seed: SeedNode = {
    id: 'seed.s', kind: 'seed', name: 's', path: 'seeds/s.csv', relation: { schema: 'public', identifier: 's' },
    columns: [{ name: 'id', type: 'integer', declared: false }, { name: 'pad', type: 'text', declared: false }],
    tags: [], dependsOn: [], checksum: '', rows,
  };
  const fresh = { schema: 'public', identifier: 's__sparkify_new_00000000' };
  for (const limits of [{ bytes: 800, rows: 100 }, { bytes: 100_000, rows: 7 }]) {
    const inserts = seedStatements(seed, fresh, limits).filter((s) => s.reportsRows);
    assert.ok(inserts.length > 1, JSON.stringify(limits));
    for (const insert of inserts) {
      assert.ok(Buffer.byteLength(insert.sql) <= limits.bytes, `${Buffer.byteLength(insert.sql)} > ${limits.bytes}`);
      assert.ok((insert.sql.match(/^ {2}\(/gm) ?? []).length <= limits.rows);
    }
    const ids = inserts.flatMap((s) => [...s.sql.matchAll(/^ {2}\((\d+),/gm)].map((m) => Number(m[1])));
    assert.deepEqual(ids, rows.map((_, i) => i));
    assert.match(inserts[1].sql, /^-- rows: lines \d+-\d+ of seeds\/s\.csv\nINSERT INTO/);
  }
  const tooBig = planError(() => seedStatements(seed, fresh, { bytes: 300, rows: 100 }));
  assert.equal(tooBig.diagnostics[0].code, 'SPK356');
  assert.match(tooBig.diagnostics[0].message, /more than one INSERT may hold \(300 bytes\)/);
});

test('values that do not fit their column are SPK356 at seeds/x.csv:line, every one, before anything runs', () => {
  const csv = 'plan,fee,since\nok,1.5,2018-11-01\n"multi\nline",abc,2018-11-02\nbad,2,2018-02-30\n';
  const fixture = seedProject(csv, '{fee: "numeric(5,2)", since: date}');
  const error = planError(() => planNodes(fixture.compiled.manifest, ['seed.plans'], dialect));
  assert.deepEqual(error.diagnostics.map((d) => [d.code, `${d.location?.file}:${d.location?.line}`, d.node]), [
    ['SPK356', 'seeds/plans.csv:3', 'seed.plans'],
    ['SPK356', 'seeds/plans.csv:5', 'seed.plans'],
  ]);
  assert.match(error.diagnostics[0].message, /column "fee" \(numeric\(5,2\)\): value "abc" is not a number/);
  assert.match(error.diagnostics[1].message, /column "since" \(date\): value "2018-02-30" is not an ISO-8601 date/);
  assert.match(error.diagnostics[0].hint ?? '', /column_types/);
});

test('a malformed row is a compile error at its line on a Redshift target (the plan holds the rows); PGlite still compiles', () => {
  const csv = 'plan,fee\nok,1\nbroken\n';
  const error = planError(() => seedProject(csv, '{}'));
  assert.deepEqual(error.diagnostics.map((d) => [d.code, `${d.location?.file}:${d.location?.line}`]), [['SPK350', 'seeds/plans.csv:3']]);
  assert.match(error.diagnostics[0].message, /the row has 1 values but the header has 2 columns/);
  const dev = compileFor({ 'project.yml': RS_PROJECT_YML, 'seeds/plans.csv': csv }, 'dev');
  assert.equal((dev.compiled.manifest.nodes['seed.plans'] as SeedNode).rows, undefined, 'the COPY path streams the file at run time');
});
