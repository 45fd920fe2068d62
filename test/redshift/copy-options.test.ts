/**
 * What a source's COPY says on Redshift about key matching, region and its JSONPaths file (issue 15,
 * points 3, 5 and 8), each checked against the AWS page whose sentence it relies on:
 * - https://docs.aws.amazon.com/redshift/latest/dg/copy-usage_notes-copy-from-json.html: "'auto ignorecase'
 *   – COPY automatically loads fields from the JSON file while ignoring the case of field names";
 * - https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-format.html: with 'auto' "The
 *   matching is case-sensitive. Column names in Amazon Redshift tables are always lowercase", and "If
 *   the file specified by jsonpaths_file has the same prefix as the path specified by
 *   copy_from_s3_objectpath for the data files, COPY reads the JSONPaths file as a data file and
 *   returns errors";
 * - https://docs.aws.amazon.com/redshift/latest/dg/copy-parameters-data-source-s3.html: REGION, "By
 *   default, COPY assumes that the data is located in the same Region as the Amazon Redshift cluster",
 *   and "If the REGION parameter is specified, all resources … must be located in the specified Region";
 * - https://docs.aws.amazon.com/redshift/latest/dg/r_names.html: "ASCII letters in delimited identifiers
 *   are case-insensitive and are folded to lowercase".
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SparkifyError } from '../../src/diagnostics.js';
import { RedshiftDialect } from '../../src/engines/redshift/redshift-dialect.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { renderPlan } from '../../src/plan/render-plan.js';
import { readsAsData } from '../../src/compile/jsonpaths-location.js';
import { assertGolden } from '../golden.js';
import { compileFor, copyRepoProject, dialect, S3_ACCESS } from './helpers.js';
import { loadProject } from '../../src/project/index.js';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { readSeedFiles } from '../../src/seeds/seed-files.js';
import { dialectFor } from '../../src/engines/registry.js';

/** sources.yml with one S3 table; `extra` lines go under the table. */
function s3Sources(jsonpaths: string, extra = '', columns = ['id integer', 'session_id integer']): string {
  return `sources:\n  - name: raw\n    tables:\n      - name: events\n        location: s3://sparkify-bucket/events/\n        jsonpaths: ${jsonpaths}\n${extra}`
    + `        columns:\n${columns.map((c) => `          - {name: ${c.split(' ')[0]}, type: ${c.split(' ').slice(1).join(' ')}}`).join('\n')}\n`;
}

function copyOf(sources: string, on = dialect): string {
  const plan = planNodes(compileFor({ 'sources.yml': sources }).compiled.manifest, ['source.raw.events'], on)[0];
  return `${plan.statements.find((s) => s.serverLoad)!.sql};\n`;
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

describe("JSON keys: 'auto' is case-sensitive, 'auto ignorecase' is not, on every engine (copy-usage_notes-copy-from-json.html, copy-parameters-data-format.html)", () => {
  test("jsonpaths: auto ignorecase loads with FORMAT AS JSON 'auto ignorecase'", () => {
    const copy = copyOf(s3Sources('auto ignorecase'));
    assertGolden('redshift/copy-auto-ignorecase.sql', copy);
    assert.match(copy, /\nFORMAT AS JSON 'auto ignorecase'\n/);
    // Written any way, it is the one mapping; `auto` stays `auto`.
    assert.equal(copyOf(s3Sources('"AUTO  IgnoreCase"')), copy);
    assert.match(copyOf(s3Sources('Auto')), /\nFORMAT AS JSON 'auto'\n/);
  });

  test("a capitalised column under 'auto' is SPK143 at its line: Redshift folds it, and only a lower-case key would fill it", () => {
    const fixture = compileFor({ 'sources.yml': s3Sources('auto', '', ['id integer', 'sessionId integer']) });
    const error = errorOf(() => planNodes(fixture.compiled.manifest, ['source.raw.events'], dialect));
    assert.deepEqual(error.diagnostics.map((d) => [d.code, d.location?.file, d.location?.line]), [['SPK143', 'sources.yml', 9]]);
    assert.match(error.diagnostics[0].message, /Redshift folds column 'sessionId' to 'sessionid'/);
    assert.match(error.diagnostics[0].hint ?? '', /auto ignorecase/);
    // With 'auto ignorecase' the folded column matches the camelCase key: allowed, and folded in the COPY.
    assert.match(copyOf(s3Sources('auto ignorecase', '', ['id integer', 'sessionId integer'])), /COPY "public"\."events__sparkify_new_00000000" \("id", "sessionid"\)/);
  });
});

describe('REGION only when the target or the source names one (copy-parameters-data-source-s3.html)', () => {
  test('a target without a region: no REGION, so COPY reads the bucket in the cluster\'s own region', () => {
    const copy = copyOf(s3Sources('auto'), new RedshiftDialect({ iamRole: S3_ACCESS.iamRole }));
    assertGolden('redshift/copy-no-region.sql', copy);
    assert.doesNotMatch(copy, /REGION/);
  });

  test("a source's region wins over the target's", () => {
    assert.match(copyOf(s3Sources('auto', '        region: eu-central-1\n')), /\nREGION 'eu-central-1'\n/);
    assert.match(copyOf(s3Sources('auto')), /\nREGION 'us-west-2'\n/);
  });

  test('the Sparkify prod target names us-west-2, where s3://udacity-dend lives', () => {
    const root = copyRepoProject();
    const project = loadProject(root, { env: {}, targetName: 'prod' });
    assert.ok(project.target.type === 'redshift');
    assert.equal(project.target.region, 'us-west-2');
    const compiled = compileProject({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env: {}, seeds: readSeedFiles(root) });
    const plan = planNodes(compiled.manifest, ['source.sparkify.staging_songs'], dialectFor(project.target))[0];
    assert.match(renderPlan(plan), /FROM 's3:\/\/udacity-dend\/song_data'\nIAM_ROLE '[^']*'\nFORMAT AS JSON 'auto'\nREGION 'us-west-2'\n/);
  });
});

describe('a JSONPaths file under the data prefix is a compile error with the fix, on every target (copy-parameters-data-format.html)', () => {
  const sources = (location: string, jsonpaths: string) => `sources:\n  - name: raw\n    tables:\n      - name: events\n`
    + `        location: ${location}\n        jsonpaths: ${jsonpaths}\n        columns:\n          - {name: id, type: integer}\n`;

  for (const target of ['rs', 'dev']) {
    test(`target ${target}: SPK138 at the table, naming both paths and how to move the file`, () => {
      const error = errorOf(() => compileFor({ 'sources.yml': sources('s3://bucket/log_data', 's3://bucket/log_data_paths.json') }, target));
      assert.deepEqual(error.diagnostics.map((d) => [d.code, d.location?.line, d.node]), [['SPK138', 4, 'source.raw.events']]);
      assert.match(error.diagnostics[0].message, /JSONPaths file 's3:\/\/bucket\/log_data_paths\.json' is under its location 's3:\/\/bucket\/log_data'/);
      assert.match(error.diagnostics[0].hint ?? '', /move the JSONPaths file out of the data prefix/);
    });
  }

  test('prefixes as Redshift lists them, local folders as the loader reads them (recursively), globs as they match', () => {
    const cases: [string, string, boolean][] = [
      ['s3://b/log_data', 's3://b/log_data/paths.json', true],
      ['s3://b/log', 's3://b/log_json_path.json', true], // a key prefix, not a folder: Redshift reads it
      ['s3://b/log_data/', 's3://b/log_json_path.json', false],
      ['s3://udacity-dend/log_data', 's3://udacity-dend/log_json_path.json', false], // the Sparkify layout
      ['data/log_data', 'data/log_data/2018/paths.json', true],
      ['data/log_data', 'data/log_json_path.json', false],
      ['data/log', 'data/log_json_path.json', false], // a local folder is not a prefix of its neighbours
      ['data/log_data/**/*.json', 'data/log_data/paths.json', true],
      ['data/log_data/**/*.json', 'data/log_json_path.json', false],
      ['data/events.json', 'data/events.json', true],
    ];
    for (const [location, jsonpaths, expected] of cases) assert.equal(readsAsData(location, jsonpaths), expected, `${location} / ${jsonpaths}`);
  });
});
