import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildGraph, selectNodes } from '../../src/graph/index.js';
import { diagnosticsOf } from './expect-error.js';
import { SPARKIFY_ORDER, sparkifyNodes } from './sparkify-graph.js';

const graph = buildGraph(sparkifyNodes());
const EVENTS = 'source.sparkify.staging_events';
const SONGS = 'source.sparkify.staging_songs';

/** Selected ids with the `model.` prefix dropped, to keep expectations short. */
function select(selectArgs: string[] | undefined, excludeArgs?: string[]): string[] {
  return selectNodes(graph, selectArgs, excludeArgs).map((id) => id.replace(/^model\./, ''));
}

test('with no --select everything is selected, in topological order', () => {
  assert.deepEqual(selectNodes(graph, undefined, undefined), SPARKIFY_ORDER);
  assert.deepEqual(selectNodes(graph, [], undefined), SPARKIFY_ORDER);
});

test('a bare name selects that model', () => {
  assert.deepEqual(select(['users']), ['users']);
});

test('a bare name matches models only, not source tables', () => {
  const [diagnostic] = diagnosticsOf(() => select(['staging_events']));
  assert.equal(diagnostic.code, 'SPK211');
  assert.equal(diagnostic.hint, "'staging_events' is a source table; select it with source:sparkify.staging_events");
});

test('bare names take fnmatch wildcards', () => {
  assert.deepEqual(select(['s*']), ['songs', 'songplays']);
  assert.deepEqual(select(['so?gs']), ['songs']);
  assert.deepEqual(select(['[at]*']), ['artists', 'time']);
  assert.deepEqual(select(['*_*']), ['user_activity', 'weekly_report']);
  assert.deepEqual(select(['[!a-t]*']), ['users', 'user_activity', 'weekly_report']);
});

test('+name selects the node and all its ancestors', () => {
  assert.deepEqual(select(['+user_activity']), [
    EVENTS,
    SONGS,
    'artists',
    'songs',
    'users',
    'songplays',
    'user_activity',
  ]);
});

test('name+ selects the node and all its descendants', () => {
  assert.deepEqual(select(['songs+']), ['songs', 'songplays', 'user_activity', 'weekly_report']);
});

test('depth-limited operators stop after n generations', () => {
  assert.deepEqual(select(['1+user_activity']), ['users', 'songplays', 'user_activity']);
  assert.deepEqual(select(['2+weekly_report']), ['users', 'songplays', 'user_activity', 'weekly_report']);
  assert.deepEqual(select(['songs+1']), ['songs', 'songplays']);
  assert.deepEqual(select(['songs+2']), ['songs', 'songplays', 'user_activity']);
  assert.deepEqual(select(['0+songs+0']), ['songs']);
});

test('depth counts the shortest path, as dbt does', () => {
  // staging_songs reaches songplays directly and through songs; it is one generation away.
  assert.deepEqual(select(['source:sparkify.staging_songs+1']), [SONGS, 'artists', 'songs', 'songplays']);
});

test('+name+ selects ancestors and descendants', () => {
  const all = [EVENTS, SONGS, 'artists', 'songs', 'songplays', 'user_activity', 'weekly_report'];
  assert.deepEqual(select(['+songplays+']), all);
  assert.deepEqual(select(['1+songplays+1']), all.slice(0, -1));
});

test('@name selects the node, its descendants and all their ancestors', () => {
  // users' descendants need songplays, which needs both sources, songs and artists; time is unrelated.
  const users = [EVENTS, SONGS, 'artists', 'songs', 'users', 'songplays', 'user_activity', 'weekly_report'];
  assert.deepEqual(select(['@users']), users);
  assert.deepEqual(select(['@weekly_report']), select(['+weekly_report']));
  assert.deepEqual(select(['@time']), [EVENTS, 'time']);
  // dbt accepts a `+` prefix with `@`; it adds nothing, since `@` already takes every ancestor.
  assert.deepEqual(select(['@+users']), users);
});

test('operators apply to every node the method matched', () => {
  assert.deepEqual(select(['tag:dimension+1']), ['artists', 'songs', 'time', 'users', 'songplays', 'user_activity']);
  assert.deepEqual(select(['+tag:report']), select(['+weekly_report']));
  assert.deepEqual(select(['s*+1']), ['songs', 'songplays', 'user_activity']);
});

test('path: selects a file, or every node below a folder, with or without a trailing slash', () => {
  assert.deepEqual(select(['path:models/dimensions/users.sql']), ['users']);
  assert.deepEqual(select(['path:models/marts']), ['user_activity', 'weekly_report']);
  assert.deepEqual(select(['path:models/marts/']), ['user_activity', 'weekly_report']);
  assert.deepEqual(select(['path:./models/facts']), ['songplays']);
  assert.deepEqual(select(['path:models']).length, 8);
  assert.deepEqual(select(['path:sources.yml']), [EVENTS, SONGS]);
  // A folder name is a whole segment, not a string prefix.
  assert.equal(diagnosticsOf(() => select(['path:models/dim']))[0].code, 'SPK211');
});

test('path: takes globs whose * stays within a folder and ** spans folders', () => {
  assert.deepEqual(select(['path:models/*/s*.sql']), ['songs', 'songplays']);
  assert.deepEqual(select(['path:models/m*']), ['user_activity', 'weekly_report']);
  assert.deepEqual(select(['path:models/**/w*.sql']), ['weekly_report']);
  assert.deepEqual(select(['path:models/**/calendar.sql']), ['calendar']);
});

test('a bare selector with a slash is a path, one ending in .sql a file name', () => {
  assert.deepEqual(select(['models/facts']), ['songplays']);
  assert.deepEqual(select(['models/dimensions/time.sql']), ['time']);
  assert.deepEqual(select(['weekly_report.sql']), ['weekly_report']);
  assert.deepEqual(select(['file:weekly_report']), ['weekly_report']);
  assert.deepEqual(select(['file:s*.sql']), ['songs', 'songplays']);
});

test('tag: matches models and sources, with wildcards', () => {
  assert.deepEqual(select(['tag:nightly']), ['users', 'songplays']);
  assert.deepEqual(select(['tag:staging']), [EVENTS, SONGS]);
  assert.deepEqual(select(['tag:re*']), ['weekly_report']);
});

test('source: selects one table, a whole source, or tables by wildcard', () => {
  assert.deepEqual(select(['source:sparkify.staging_events']), [EVENTS]);
  assert.deepEqual(select(['source:sparkify']), [EVENTS, SONGS]);
  assert.deepEqual(select(['source:sparkify.*']), [EVENTS, SONGS]);
  assert.deepEqual(select(['source:*.staging_s*']), [SONGS]);
  assert.deepEqual(select(['source:sparkify.staging_events+1']), [EVENTS, 'time', 'users', 'songplays']);
});

test('config.materialized: and resource_type: filter on the node', () => {
  assert.deepEqual(select(['config.materialized:view']), ['time', 'user_activity', 'weekly_report']);
  assert.deepEqual(select(['config.materialized:incremental']), ['songplays']);
  assert.deepEqual(select(['resource_type:source']), [EVENTS, SONGS]);
  assert.deepEqual(select(['resource_type:model']).length, 8);
});

test('fqn: matches names, folder prefixes and dotted wildcards as dbt does', () => {
  assert.deepEqual(select(['fqn:users']), ['users']);
  assert.deepEqual(select(['fqn:marts']), ['user_activity', 'weekly_report']);
  assert.deepEqual(select(['fqn:marts.reports']), ['weekly_report']);
  assert.deepEqual(select(['fqn:dimensions.s*']), ['songs']);
  assert.deepEqual(select(['fqn:*']).length, 8);
});

test('space-separated selectors and separate arguments are a union', () => {
  assert.deepEqual(select(['users time']), ['time', 'users']);
  assert.deepEqual(select(['users', 'time']), ['time', 'users']);
  assert.deepEqual(select(['  users\ttime  ', 'users']), ['time', 'users']);
});

test('comma-joined selectors are an intersection', () => {
  assert.deepEqual(select(['tag:nightly,config.materialized:table']), ['users']);
  assert.deepEqual(select(['+weekly_report,tag:dimension']), ['artists', 'songs', 'users']);
  const both = select(['+songplays,path:models/dimensions users+,tag:mart']);
  assert.deepEqual(both, ['artists', 'songs', 'user_activity', 'weekly_report']);
});

test('--exclude is subtracted from --select, with the same grammar', () => {
  assert.deepEqual(select(['+songplays'], ['resource_type:source']), ['artists', 'songs', 'songplays']);
  assert.deepEqual(select(['tag:dimension'], ['time users']), ['artists', 'songs']);
  assert.deepEqual(select(['songs+'], ['user_activity+']), ['songs', 'songplays']);
  assert.deepEqual(select(undefined, ['path:models/dimensions', 'tag:staging,source:sparkify']), [
    'calendar',
    'songplays',
    'user_activity',
    'weekly_report',
  ]);
  assert.deepEqual(select(['tag:nightly'], ['tag:nightly,config.materialized:view']), ['users', 'songplays']);
});

test('a selector that matches nothing is SPK211, with the closest name as a hint', () => {
  assert.deepEqual(diagnosticsOf(() => select(['usres'])), [
    { code: 'SPK211', message: "--select 'usres' matches no node", hint: "did you mean 'users'?" },
  ]);
  assert.deepEqual(diagnosticsOf(() => select(['zzzzzz'])), [
    { code: 'SPK211', message: "--select 'zzzzzz' matches no node", hint: undefined },
  ]);
});

test('the hint follows the method that found nothing', () => {
  const hints = (selector: string) => diagnosticsOf(() => select([selector]))[0].hint;
  assert.equal(hints('tag:nighly'), "did you mean 'tag:nightly'?");
  assert.equal(hints('source:sparkify.staging_event'), "did you mean 'source:sparkify.staging_events'?");
  assert.equal(hints('source:sparkfy'), "did you mean 'source:sparkify'?");
  assert.equal(hints('path:models/fact'), "did you mean 'path:models/facts'?");
  assert.equal(hints('config.materialized:tabel'), "did you mean 'config.materialized:table'?");
  assert.equal(hints('2+usres+'), "did you mean 'users'?");
});

test('every selector that matches nothing is reported, in --select and --exclude alike', () => {
  const diagnostics = diagnosticsOf(() => select(['users usres tag:x,songs'], ['timme']));
  assert.deepEqual(
    diagnostics.map((d) => d.message),
    ["--select 'usres' matches no node", "--select 'tag:x' matches no node", "--exclude 'timme' matches no node"],
  );
});

test('an empty final selection is SPK212', () => {
  assert.deepEqual(diagnosticsOf(() => select(['tag:nightly'], ['users songplays'])), [
    {
      code: 'SPK212',
      message: "--exclude 'users songplays' removes every node that --select 'tag:nightly' selects",
      hint: 'narrow --exclude or widen --select',
    },
  ]);
  assert.deepEqual(diagnosticsOf(() => select(['tag:staging,tag:nightly'])), [
    {
      code: 'SPK212',
      message: "--select 'tag:staging,tag:nightly' selects no node",
      hint: 'selectors joined by a comma select only the nodes they have in common',
    },
  ]);
  assert.equal(
    diagnosticsOf(() => select(undefined, ['*', 'source:*']))[0].message,
    "--exclude '* source:*' removes every node that the whole project selects",
  );
  assert.deepEqual(diagnosticsOf(() => selectNodes(buildGraph([]), undefined, undefined)), [
    { code: 'SPK212', message: 'the project has no node to select' },
  ]);
});

test('an unknown method is SPK210 and lists the valid ones', () => {
  assert.deepEqual(diagnosticsOf(() => select(['tags:nightly'])), [
    {
      code: 'SPK210',
      message:
        "--select 'tags:nightly' uses an unknown method 'tags'; valid methods are " +
        'fqn, tag, source, path, file, config.materialized, resource_type, test_type, test_name, state',
      hint: 'did you mean tag:?',
    },
  ]);
  assert.equal(diagnosticsOf(() => select(['config:view']))[0].hint, 'did you mean config.materialized:?');
  assert.equal(diagnosticsOf(() => select(['config.schema:x']))[0].code, 'SPK210');
});

test('malformed selectors are SPK213', () => {
  const cases: [string, string][] = [
    ['+', 'it names no node'],
    ['1+', 'it names no node'],
    ['tag:', 'it names no node'],
    ['@', 'it names no node'],
    ['users++', "'+' and '@' may only start or end a selector"],
    ['a+b', "'+' and '@' may only start or end a selector"],
    ['@users+', "'@' cannot be combined with a trailing '+'"],
    [':users', "no method comes before ':'"],
    ['-x:users', "'-x' is not a method name"],
    ['tag:a:b', "only one ':' may separate the method from the value"],
    ['users,', 'it has an empty selector around a comma'],
    ['source:a.b.c', 'a source selector is source_name or source_name.table_name'],
    ['resource_type:seeds', 'resource types are model, source, seed, test, snapshot, unit_test'],
  ];
  for (const [selector, why] of cases) {
    const diagnostics = diagnosticsOf(() => select([selector])).map((d) => `${d.code} ${d.message}`);
    assert.deepEqual(diagnostics, [`SPK213 --select '${selector}' is not a valid selector: ${why}`]);
  }
});

test('a malformed part of an intersection drops the whole intersection but is still reported once', () => {
  const diagnostics = diagnosticsOf(() => select(['users,1+ time']));
  assert.deepEqual(diagnostics.map((d) => d.code), ['SPK213']);
});

test('selection results come back in the graph order regardless of selector order', () => {
  const expected = ['calendar', EVENTS, SONGS, 'users', 'weekly_report'];
  assert.deepEqual(select(['weekly_report users source:sparkify calendar']), expected);
  assert.deepEqual(select(['calendar source:sparkify users weekly_report']), expected);
  assert.deepEqual(select(['calendar', 'source:sparkify', 'users', 'weekly_report', 'users']), expected);
});
