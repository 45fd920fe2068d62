/**
 * SQL injection through string literals on a Redshift target. Redshift reads a backslash inside
 * '...' as an escape (its QUOTE_LITERAL doubles backslashes as well as quotes:
 * https://docs.aws.amazon.com/redshift/latest/dg/r_QUOTE_LITERAL.html), so every literal compiled
 * or planned for it is read back here with those rules: it must give the value, whole, and end
 * exactly where the literal should. Doubling quotes alone (PostgreSQL's quoting) fails these tests.
 */
import { renderPlan } from '../../src/plan/render-plan.js';
import { literalQuoter } from '../../src/engines/registry.js';
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { dialectFor } from '../../src/engines/registry.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { quoteLiteral, quoteRedshiftLiteral, sqlLiteral } from '../../src/sql/quote.js';
import { assertGolden } from '../golden.js';
import {
  acceptedValuesSchema, compiledSql, compileInjection, LITERALS_MODEL, NASTY, readRedshiftList, readRedshiftLiteral,
} from './fixture.js';

const ENV_VALUE = "env\\'; DROP TABLE x; --";

describe('redshift target', () => {
  test('the literal quoter is a property of the target type', () => {
    assert.equal(literalQuoter('redshift'), quoteRedshiftLiteral);
    assert.equal(literalQuoter('pglite'), quoteLiteral);
    assert.equal(literalQuoter('postgres'), quoteLiteral);
    assert.equal(sqlLiteral("a\\'b", literalQuoter('redshift')), "'a\\\\''b'");
    assert.equal(sqlLiteral("a\\'b", literalQuoter('pglite')), "'a\\''b'");
  });

  test('PostgreSQL quoting lets `\\\'` end a literal early on Redshift: what the tests below guard against', () => {
    assert.notEqual(readRedshiftLiteral(quoteLiteral("\\'; DROP TABLE x; --")).rest, '');
  });

  test('| literal quotes --vars and env_var() values so Redshift reads each back whole', () => {
    const compiled = compileInjection('rs', { values: NASTY }, { SPARKIFY_INJECTION: ENV_VALUE }, { 'models/literals.sql': LITERALS_MODEL });
    const sql = compiledSql(compiled, 'model.literals');
    const after = (i: number) => (i < NASTY.length ? ` as c${i + 1}, ` : ' as env\n');
    assert.deepEqual(readRedshiftList(sql, 'select ', NASTY.length + 1, after), [...NASTY, ENV_VALUE]);
    assertGolden('redshift/injection/literal-filter.sql', sql);
  });

  test('accepted_values quotes its values so Redshift reads each back whole', () => {
    const compiled = compileInjection('rs', {}, {}, {
      'models/kinds.sql': 'select kind from {{ source(\'raw\', \'events\') }}\n',
      'models/schema.yml': acceptedValuesSchema(NASTY),
    });
    const id = Object.keys(compiled.compiled.manifest.nodes).find((key) => key.startsWith('test.accepted_values_kinds_kind'));
    assert.ok(id, 'the accepted_values test is compiled');
    const sql = compiledSql(compiled, id);
    const after = (i: number) => (i < NASTY.length - 1 ? ', ' : ')');
    assert.deepEqual(readRedshiftList(sql, 'where value_field not in (', NASTY.length, after), NASTY);
    assertGolden('redshift/injection/accepted-values.sql', sql);
  });

  test('COPY from S3 quotes the location, the JSONPaths file and the IAM role (from --vars) for Redshift', () => {
    const location = "s3://bucket/it's\\'; DROP TABLE x; --/Zoë/";
    const jsonpaths = 's3://bucket/paths\\.json';
    const role = "arn:aws:iam::123456789012:role/r\\'; DROP TABLE x; --";
    const vars = { events_location: location, events_jsonpaths: jsonpaths, iam_role: role };
    const { project, compiled } = compileInjection('rs', vars, {}, {});
    const plan = planNodes(compiled.manifest, ['source.raw.events'], dialectFor(project.target))[0];
    const copy = plan.statements.find((s) => s.sql.startsWith('COPY'))!.sql;
    assert.equal(readRedshiftList(copy, '\nFROM ', 1, () => '\nIAM_ROLE ')[0], location);
    assert.equal(readRedshiftList(copy, '\nIAM_ROLE ', 1, () => '\nFORMAT AS JSON ')[0], role);
    assert.equal(readRedshiftList(copy, '\nFORMAT AS JSON ', 1, () => '\nREGION ')[0], jsonpaths);
    assert.equal(readRedshiftList(copy, '\nREGION ', 1, () => '\nTIMEFORMAT AS ')[0], 'us-west-2');
    assertGolden('redshift/injection/copy-from-s3.sql', renderPlan(plan));
  });
});
