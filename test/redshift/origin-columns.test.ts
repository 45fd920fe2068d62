/**
 * `origin_columns: true` (issue 12: each staged row's file and line, "where asked") on Redshift: the
 * cluster's COPY loads a set of objects and keeps no per-row record of which object and line gave
 * the row (copy-parameters-data-source-s3.html), so the plan refuses it at the table's line
 * (SPK145) instead of building a table whose origin columns would be empty. PostgreSQL and PGlite
 * fill them (test/loads/ledger-scenarios.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { compileFor, dialect } from './helpers.js';

const SOURCES = 'sources:\n  - name: raw\n    tables:\n      - name: events\n        location: s3://sparkify-bucket/events/\n'
  + '        jsonpaths: auto\n        origin_columns: true\n        columns:\n          - {name: id, type: integer}\n';

test('origin_columns on a Redshift target is SPK145 at the table, with what to do instead', () => {
  const manifest = compileFor({ 'sources.yml': SOURCES }).compiled.manifest;
  let error: unknown;
  try {
    planNodes(manifest, ['source.raw.events'], dialect);
  } catch (caught) {
    error = caught;
  }
  assert.ok(error instanceof SparkifyError, String(error));
  assert.deepEqual(error.diagnostics.map((d) => [d.code, d.location?.file, d.location?.line]), [['SPK145', 'sources.yml', 4]]);
  assert.match(error.diagnostics[0].message, /origin_columns is not available on Redshift/);
  assert.match(error.diagnostics[0].hint ?? '', /load ledger still records each object/);
});

test('the same table on PostgreSQL gets the two columns, filled by the loader through COPY', () => {
  const manifest = compileFor({ 'sources.yml': SOURCES }).compiled.manifest;
  const [plan] = planNodes(manifest, ['source.raw.events'], new PostgresDialect('postgres', 'STDIN'));
  const sql = plan.statements.map((s) => s.sql).join(';\n');
  assert.match(sql, /"_sparkify_file" text,\n {2}"_sparkify_line" integer,\n {2}"_sparkify_load_id"/);
  assert.match(sql, /COPY "[^"]+"\."events__sparkify_new_\w+" \("id", "_sparkify_file", "_sparkify_line"\) FROM STDIN/);
});
