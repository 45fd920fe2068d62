/**
 * Every kind of statement sparkify sends Redshift, as golden files under test/golden/redshift/.
 * Each test names the AWS documentation page its syntax was checked against; a golden file is only
 * as good as that reading, so re-read the page before accepting a changed one (UPDATE_GOLDEN=1).
 */
import { renderPlan } from '../../src/plan/render-plan.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { assertGolden } from '../golden.js';
import { compileFor, dialect, planText } from './helpers.js';

const SOURCES_JSONPATHS = `sources:
  - name: raw
    tables:
      - name: events
        location: s3://sparkify-bucket/log_data
        jsonpaths: s3://sparkify-bucket/log_json_path.json
        maxerrors: 10
        timeformat: epochmillisecs
        truncatecolumns: true
        columns:
          - {name: ts, type: bigint}
          - {name: user_id, type: integer}
          - {name: user_agent, type: varchar(512)}
`;

/** A model whose config() gets `config`, selecting two columns. */
function model(config: string): Record<string, string> {
  return { 'models/plays.sql': `{{ config(${config}) }}\nselect id, kind from {{ source('raw', 'events') }}\n` };
}

/** The CREATE TABLE AS statement of a model with the given config. */
function ctas(config: string): string {
  const fixture = compileFor(model(config));
  const plan = planNodes(fixture.compiled.manifest, ['model.plays'], dialect)[0];
  return `${plan.statements.find((s) => s.sql.startsWith('CREATE TABLE') && s.reportsRows)!.sql};\n`;
}

function errorOf(work: () => unknown): SparkifyError {
  try {
    work();
  } catch (error) {
    if (error instanceof SparkifyError) return error;
    throw error;
  }
  assert.fail('expected a SparkifyError');
}

describe('Redshift COPY from S3', () => {
  // https://docs.aws.amazon.com/redshift/latest/dg/r_COPY.html (order: table, columns, FROM, IAM_ROLE, FORMAT, parameters),
  // https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-format.html (FORMAT AS JSON 's3://jsonpaths_file'),
  // https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-conversion.html (TIMEFORMAT 'epochmillisecs', TRUNCATECOLUMNS),
  // https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-load.html (MAXERROR), REGION: r_COPY.html
  test('a source loads into a side table with COPY ... FORMAT AS JSON \'s3://jsonpaths\' and is swapped in (r_COPY.html, copy-parameters-data-format.html, copy-parameters-data-conversion.html, copy-parameters-data-load.html)', () => {
    const fixture = compileFor({ 'sources.yml': SOURCES_JSONPATHS });
    const sql = planText(fixture, 'source.raw.events');
    assertGolden('redshift/source-load-jsonpaths.sql', sql);
    // maxerrors: 10 tolerates 10 bad records; Redshift fails at MAXERROR errors "or greater".
    assert.match(sql, /\nMAXERROR 11\n/);
  });

  test("maxerrors past Redshift's MAXERROR limit of 100000 is an error (copy-parameters-data-load.html)", () => {
    const fixture = compileFor({ 'sources.yml': SOURCES_JSONPATHS.replace('maxerrors: 10', 'maxerrors: 100000') });
    const error = errorOf(() => planNodes(fixture.compiled.manifest, ['source.raw.events'], dialect));
    assert.match(error.diagnostics[0].message, /maxerrors 100000 is more than Redshift's COPY allows/);
    // Its own code: SPK140 is about paths that are not on S3, and this source's paths are.
    assert.deepEqual(error.diagnostics.map((d) => d.code), ['SPK142']);
  });

  // https://docs.aws.amazon.com/redshift/latest/dg/copy-usage_notes-copy-from-json.html ('auto': fields matched to column names),
  // https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-column-mapping.html (a column list with JSON)
  test("a source with jsonpaths: auto loads with FORMAT AS JSON 'auto' (copy-usage_notes-copy-from-json.html, copy-parameters-column-mapping.html)", () => {
    const fixture = compileFor({});
    const plan = planNodes(fixture.compiled.manifest, ['source.raw.events'], dialect)[0];
    const copy = plan.statements.find((s) => s.serverLoad)!;
    assertGolden('redshift/copy-auto.sql', `${copy.sql};\n`);
    assert.equal(copy.copyFrom, undefined, 'the cluster reads S3 itself: no client feed');
    assert.equal(copy.reportsRows, true);
  });

  // https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-conversion.html: ACCEPTINVCHARS [AS] ['replacement_char']
  // replaces each invalid UTF-8 character with a string of equal length of replacement_char, any ASCII
  // character except NULL; without it COPY fails on invalid UTF-8, as the loader does (issue 14).
  test("accept_invalid_chars carries over as ACCEPTINVCHARS AS 'c', and only when set (copy-parameters-data-conversion.html)", () => {
    const sources = SOURCES_JSONPATHS.replace('truncatecolumns: true', "truncatecolumns: true\n        accept_invalid_chars: '^'");
    const copy = planNodes(compileFor({ 'sources.yml': sources }).compiled.manifest, ['source.raw.events'], dialect)[0].statements.find((s) => s.serverLoad)!;
    assertGolden('redshift/copy-acceptinvchars.sql', `${copy.sql};\n`);
    const quote = SOURCES_JSONPATHS.replace('truncatecolumns: true', 'truncatecolumns: true\n        accept_invalid_chars: "\'"');
    assert.match(planText(compileFor({ 'sources.yml': quote }), 'source.raw.events'), /\nACCEPTINVCHARS AS '''';\n/);
    assert.doesNotMatch(planText(compileFor({ 'sources.yml': SOURCES_JSONPATHS }), 'source.raw.events'), /ACCEPTINVCHARS/);
  });

  test('a source with a local location on the redshift target is an error with a hint, for every such source at once', () => {
    const local = `sources:
  - name: raw
    tables:
      - {name: events, location: data/events, jsonpaths: data/paths.json, columns: [{name: id, type: integer}]}
      - {name: songs, location: data/songs, jsonpaths: auto, columns: [{name: id, type: integer}]}
`;
    const fixture = compileFor({ 'sources.yml': local });
    const error = errorOf(() => planNodes(fixture.compiled.manifest, ['source.raw.events', 'source.raw.songs'], dialect));
    assert.deepEqual(error.diagnostics.map((d) => [d.code, d.node]), [
      ['SPK140', 'source.raw.events'], ['SPK140', 'source.raw.events'], ['SPK140', 'source.raw.songs'],
    ]);
    assert.match(error.diagnostics[0].message, /location 'data\/events' is not an s3:\/\/ URL/);
    assert.match(error.diagnostics[1].message, /jsonpaths 'data\/paths.json'/);
    assert.match(error.diagnostics[0].hint ?? '', /vars:/);
  });

  test('a string literal in a location is escaped, never closes the quote', () => {
    const sources = SOURCES_JSONPATHS.replace('s3://sparkify-bucket/log_data', `"s3://b/it's"`);
    const sql = planText(compileFor({ 'sources.yml': sources }), 'source.raw.events');
    assert.match(sql, /FROM 's3:\/\/b\/it''s'/);
  });
});

describe('Redshift CREATE TABLE AS with distribution and sort keys', () => {
  // https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_AS.html:
  //   CREATE TABLE name [ BACKUP ] [ DISTSTYLE { AUTO | EVEN | ALL | KEY } ] [ DISTKEY( col ) ] [ [ COMPOUND | INTERLEAVED ] SORTKEY( col, ... ) ] AS query
  const cases: [string, string][] = [
    ["diststyle='all'", 'ctas-diststyle-all.sql'],
    ["diststyle='even'", 'ctas-diststyle-even.sql'],
    ["dist='auto'", 'ctas-diststyle-auto.sql'],
    ["dist='id', sort='id'", 'ctas-diststyle-key-sortkey.sql'],
    ["diststyle='key', dist='id', sort=['kind', 'id'], sort_type='compound'", 'ctas-compound-sortkey.sql'],
    ["diststyle='all', sort=['kind', 'id'], sort_type='interleaved'", 'ctas-interleaved-sortkey.sql'],
    ['', 'ctas-no-keys.sql'],
  ];
  for (const [config, golden] of cases) {
    test(`config(${config || 'nothing'}) gives the attributes in CTAS order (r_CREATE_TABLE_AS.html)`, () => {
      assertGolden(`redshift/${golden}`, ctas(`materialized='table'${config ? `, ${config}` : ''}`));
    });
  }

  test('contradictory or incomplete keys are SPK141 at the model, all reported together', () => {
    const bad = ["diststyle='all', dist='id'", "diststyle='key'", "diststyle='sideways'", "sort_type='interleaved'", 'sort=[]', "dist='key'"];
    for (const config of bad) {
      const error = errorOf(() => ctas(config));
      assert.ok(error.diagnostics.every((d) => d.code === 'SPK141' && d.location?.file === 'models/plays.sql'), config);
    }
    const both = errorOf(() => ctas("diststyle='sideways', sort='id', sort_type='zigzag'"));
    assert.equal(both.diagnostics.length, 2);
  });

  test('the Redshift keys are ignored on PGlite and PostgreSQL', () => {
    const fixture = compileFor(model("dist='id', sort='id', diststyle='key', sort_type='interleaved'"), 'dev');
    const sql = renderPlan(planNodes(fixture.compiled.manifest, ['model.plays'], new PostgresDialect('pglite', "'/dev/blob'"))[0]);
    assert.doesNotMatch(sql, /DIST|SORTKEY/);
  });
});

describe('Redshift table swap, views', () => {
  // https://docs.aws.amazon.com/redshift/latest/dg/r_ALTER_TABLE.html (RENAME TO; no IF EXISTS; locks until the transaction ends),
  // https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html (IF NOT EXISTS, LIKE parent_table),
  // https://docs.aws.amazon.com/redshift/latest/dg/c_serial_isolation.html (BEGIN ... END commits as one transaction)
  test('a table model is CTAS aside and swapped in, in one transaction (r_ALTER_TABLE.html, r_CREATE_TABLE_NEW.html, c_serial_isolation.html)', () => {
    const fixture = compileFor(model("materialized='table', dist='id', sort='id'"));
    const sql = planText(fixture, 'model.plays');
    assertGolden('redshift/table-swap.sql', sql);
    const statements = sql.split(';\n\n');
    assert.equal(statements[0], 'BEGIN');
    assert.equal(statements.at(-1), 'COMMIT;\n');
    assert.ok(!sql.includes('IF EXISTS "public"."plays" RENAME'), 'Redshift has no ALTER TABLE IF EXISTS');
    const build = statements.findIndex((s) => s.startsWith('CREATE TABLE "public"."plays__sparkify_new'));
    const drop = statements.findIndex((s) => s.startsWith('DROP TABLE "public"."plays__sparkify_old'));
    assert.ok(build > 0 && drop > build, 'the old table goes only after the new one is built, before COMMIT');
  });

  // https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_VIEW.html: CREATE [ OR REPLACE ] VIEW name AS query [ WITH NO SCHEMA BINDING ]
  test('a view model is CREATE OR REPLACE VIEW (r_CREATE_VIEW.html)', () => {
    assertGolden('redshift/view.sql', planText(compileFor(model("materialized='view'")), 'model.plays'));
  });

  test('bind=false makes a late-binding view WITH NO SCHEMA BINDING, every relation schema-qualified (r_CREATE_VIEW.html)', () => {
    const sql = planText(compileFor(model("materialized='view', bind=false")), 'model.plays');
    assertGolden('redshift/view-late-binding.sql', sql);
    assert.match(sql, /from "public"\."events"\nWITH NO SCHEMA BINDING;/);
  });

  test('a table that becomes a view is built aside and swapped in, without a LIKE stand-in', () => {
    const fixture = compileFor(model("materialized='view'"));
    const node = fixture.compiled.manifest.nodes['model.plays'];
    assert.equal(node.kind, 'model');
    const statements = dialect.buildView(node as never, { runId: 'abcd1234', existing: { kind: 'table' } }).map((s) => s.sql);
    assert.ok(statements.some((s) => s.startsWith('CREATE VIEW "public"."plays__sparkify_new_abcd1234"')));
    assert.ok(!statements.some((s) => s.includes('(LIKE')));
    assert.equal(statements.at(-2), 'DROP TABLE "public"."plays__sparkify_old_abcd1234"');
  });
});

describe('Redshift model hooks', () => {
  // https://docs.aws.amazon.com/redshift/latest/dg/r_BEGIN.html (hooks share the model's transaction)
  test('pre_hook and post_hook run inside the model\'s transaction (r_BEGIN.html)', () => {
    const fixture = compileFor({
      'models/plays.sql': "{{ config(materialized='table', pre_hook=\"analyze {{ source('raw', 'events') }}\", post_hook=['grant select on {{ this }} to group analysts']) }}\nselect 1 as id\n",
    });
    const plan = planNodes(fixture.compiled.manifest, ['model.plays'], dialect)[0];
    const sql = plan.statements.map((s) => s.sql);
    const begin = sql.indexOf('BEGIN');
    const pre = sql.findIndex((s) => s.startsWith('analyze '));
    const create = sql.findIndex((s) => s.startsWith('CREATE TABLE'));
    const post = sql.findIndex((s) => s.startsWith('grant select on "public"."plays"'));
    const commit = sql.lastIndexOf('COMMIT');
    assert.ok(begin >= 0 && begin < pre && pre < create && create < post && post < commit, sql.join('\n'));
  });
});
