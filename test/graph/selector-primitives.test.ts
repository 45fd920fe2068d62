import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnmatcher, globMatcher, hasWildcard } from '../../src/graph/fnmatch.js';
import { fqnMatcher, modelFqn } from '../../src/graph/fqn.js';
import { model } from './sparkify-graph.js';

test('fnmatch follows Python: * and ? cross dots and slashes, [seq], [!seq], literal [', () => {
  assert.ok(fnmatcher('stag*')('staging_events'));
  assert.ok(fnmatcher('*')(''));
  assert.ok(fnmatcher('a*')('a.b/c'));
  assert.ok(fnmatcher('us?rs')('users'));
  assert.ok(!fnmatcher('us?rs')('usrs'));
  assert.ok(fnmatcher('[st]ongs')('songs'));
  assert.ok(!fnmatcher('[!st]ongs')('songs'));
  assert.ok(fnmatcher('[]]x')(']x'));
  assert.ok(fnmatcher('a[b')('a[b'));
  assert.ok(fnmatcher('a.b')('a.b'));
  assert.ok(!fnmatcher('a.b')('axb'));
  assert.ok(fnmatcher('(x)+')('(x)+'));
  assert.ok(!fnmatcher('Users')('users'));
});

test('glob keeps * within a folder and lets **/ span zero or more folders', () => {
  assert.ok(globMatcher('models/*')('models/facts'));
  assert.ok(!globMatcher('models/*')('models/facts/songplays.sql'));
  assert.ok(globMatcher('models/**/x.sql')('models/x.sql'));
  assert.ok(globMatcher('models/**/x.sql')('models/a/b/x.sql'));
  assert.ok(globMatcher('models/**')('models/a/b/x.sql'));
});

test('hasWildcard spots *, ? and [', () => {
  assert.deepEqual(['a*', 'a?', 'a[b]', 'ab'].map(hasWildcard), [true, true, true, false]);
});

test('a model fqn is its folders below the model path, then its name', () => {
  const report = model('weekly_report', 'models/marts/reports/weekly_report.sql', []);
  assert.deepEqual(modelFqn(report), ['marts', 'reports', 'weekly_report']);
  assert.deepEqual(modelFqn(model('calendar', 'models/calendar.sql', [])), ['calendar']);
});

test('fqn matching mirrors dbt is_selected_node', () => {
  const fqn = ['marts', 'reports', 'weekly_report'];
  assert.ok(fqnMatcher('weekly_report')(fqn));
  assert.ok(fqnMatcher('marts')(fqn));
  assert.ok(fqnMatcher('marts.reports.weekly_report')(fqn));
  assert.ok(fqnMatcher('marts.*')(fqn));
  assert.ok(fqnMatcher('marts.rep*')(fqn));
  assert.ok(!fqnMatcher('reports')(fqn));
  assert.ok(!fqnMatcher('marts.reports.weekly_report.extra')(fqn));
  assert.ok(!fqnMatcher('marts.x*')(fqn));
});
