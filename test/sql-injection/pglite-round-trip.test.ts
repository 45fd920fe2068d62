/**
 * SQL injection through string literals on PGlite and PostgreSQL targets: standard_conforming_strings
 * is on there, so a backslash is an ordinary character and only `'` is doubled. The values are
 * compiled for each target and run on a real PGlite: selecting the literal gives the same string back,
 * and accepted_values matches exactly the values it was given.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { acceptedValuesSchema, compiledSql, compileInjection, LITERALS_MODEL, NASTY } from './fixture.js';

const ENV_VALUE = "env\\'; DROP TABLE x; --";

let db: PGlite;
before(async () => {
  db = new PGlite();
  await db.query('CREATE TABLE "public"."kinds" ("kind" text)');
  // Bind parameters, not our quoting: the table holds exactly the values under test.
  for (const value of NASTY) await db.query('INSERT INTO "public"."kinds" ("kind") VALUES ($1)', [value]);
});
after(async () => {
  await db.close();
});

for (const target of ['dev', 'pg'] as const) {
  describe(`${target} target`, () => {
    test('| literal on --vars and env_var() values: selecting the literals gives the values back', async () => {
      const compiled = compileInjection(target, { values: NASTY }, { SPARKIFY_INJECTION: ENV_VALUE }, { 'models/literals.sql': LITERALS_MODEL });
      const sql = compiledSql(compiled, 'model.literals');
      assert.ok(sql.includes("'back\\slash' as c2"), 'a backslash is written as is: PostgreSQL reads it literally');
      const { rows } = await db.query<Record<string, string>>(sql);
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0], Object.fromEntries([...NASTY.map((value, i) => [`c${i + 1}`, value]), ['env', ENV_VALUE]]));
    });

    test('accepted_values: every given value is accepted, and a value not given is reported', async () => {
      const compiled = compileInjection(target, {}, {}, {
        'models/kinds.sql': "select kind from {{ source('raw', 'events') }}\n",
        'models/schema.yml': acceptedValuesSchema(NASTY),
      });
      const id = Object.keys(compiled.compiled.manifest.nodes).find((key) => key.startsWith('test.accepted_values_kinds_kind'));
      assert.ok(id, 'the accepted_values test is compiled');
      const sql = compiledSql(compiled, id);
      assert.deepEqual((await db.query(sql)).rows, [], 'each stored value is one of the literals');
      await db.transaction(async (tx) => {
        await tx.query('INSERT INTO "public"."kinds" ("kind") VALUES ($1)', ["\\'"]);
        const failures = (await tx.query<{ value_field: string }>(sql)).rows.map((row) => row.value_field);
        assert.deepEqual(failures, ["\\'"], 'a value no literal spells is a failure');
        await tx.rollback();
      });
    });
  });
}
