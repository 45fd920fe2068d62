import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { TemplateCache } from '../../src/jinja/template-cache.js';
import { compileProjectCached } from '../../src/compile/compile-cache.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { loadProject } from '../../src/project/index.js';
import { SparkifyError } from '../../src/diagnostics.js';
import type { ModelNode } from '../../src/manifest/manifest.js';
import { writeProject } from './fixture.js';
import { dbtMacroFiles } from '../../src/jinja/dbt-macros.js';
import { tempDir } from '../support/temp-dir.js';

/** The project's three templates and the macro files of sparkify's built-in `dbt` package. */
const TEMPLATES = 3 + dbtMacroFiles().length;

const FILES: Record<string, string> = {
  'project.yml': 'name: fixture\nvars:\n  start_day: 1\ntargets:\n  dev:\n    type: pglite\n    path: .sparkify/dev\n  other:\n    type: pglite\n    path: .sparkify/other\n    schema: analytics\n',
  'macros/money.sql': "{% macro dollars(column) -%}\n({{ column }} / 100.0)\n{%- endmacro %}\n",
  'models/events.sql': "select id, {{ dollars('id') }} as amount, '{{ env_var('REGION', 'eu') }}' as region\nfrom {{ source('raw', 'events') }}\nwhere id > {{ var('start_day') }}\n",
  'models/daily.sql': "{{ config(materialized='table') }}\nselect count(*) as n from {{ ref('events') }}\n",
};

/** Compiles the project at `root` with a cache file; returns the result and the cache's hits and misses. */
function compileWith(root: string, cacheFile: string, options: { env?: Record<string, string>; vars?: string } = {}) {
  const env = options.env ?? {};
  const project = loadProject(root, { env, varsText: options.vars });
  const cache = new TemplateCache(cacheFile);
  try {
    const compiled = compileProject({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env, templateCache: cache });
    return { compiled, stats: cache.stats };
  } finally {
    cache.save();
  }
}

/** Everything compile produces, as JSON: what must be byte-identical with and without the cache. */
const output = (compiled: CompiledProject) => JSON.stringify({ manifest: compiled.manifest, graph: [...compiled.graph.nodes.keys()] });

function compileUncached(root: string, env: Record<string, string> = {}, vars?: string): CompiledProject {
  const project = loadProject(root, { env, varsText: vars });
  return compileProject({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env });
}

describe('the compiled-template cache', () => {
  const root = writeProject(FILES);
  const cacheFile = join(tempDir('sparkify-template-cache-'), 'compiled-templates.json');

  test('a first compile misses every template; the next one hits every one, with identical output', () => {
    const first = compileWith(root, cacheFile);
    assert.deepEqual(first.stats, { hits: 0, misses: TEMPLATES });
    const second = compileWith(root, cacheFile);
    assert.deepEqual(second.stats, { hits: TEMPLATES, misses: 0 });
    assert.equal(output(second.compiled), output(first.compiled));
    assert.equal(output(second.compiled), output(compileUncached(root)));
  });

  test('an edited macro is compiled again, and only it; every model that calls it sees the edit', () => {
    writeFileSync(join(root, 'macros/money.sql'), FILES['macros/money.sql'].replace('100.0', '1000.0'));
    const edited = compileWith(root, cacheFile);
    assert.deepEqual(edited.stats, { hits: TEMPLATES - 1, misses: 1 });
    assert.match((edited.compiled.manifest.nodes['model.events'] as ModelNode).compiledSql, /\(id \/ 1000\.0\)/);
    assert.equal(output(edited.compiled), output(compileUncached(root)));
  });

  test('a var, an env var or the target changes the output of a hit exactly as without the cache', () => {
    const cases: { env?: Record<string, string>; vars?: string }[] = [{ vars: '{start_day: 7}' }, { env: { REGION: 'us' } }, { env: { SPARKIFY_TARGET: 'other' } }];
    for (const options of cases) {
      const cached = compileWith(root, cacheFile, options);
      assert.equal(cached.stats.misses, 0, JSON.stringify(options));
      assert.equal(output(cached.compiled), output(compileUncached(root, options.env, options.vars)), JSON.stringify(options));
    }
    const sqlOf = (options: { env?: Record<string, string>; vars?: string }, id: string) => (compileWith(root, cacheFile, options).compiled.manifest.nodes[id] as ModelNode).compiledSql;
    assert.match(sqlOf({ vars: '{start_day: 7}' }, 'model.events'), /where id > 7/);
    assert.match(sqlOf({ env: { REGION: 'us' } }, 'model.events'), /'us' as region/);
    assert.match(sqlOf({ env: { SPARKIFY_TARGET: 'other' } }, 'model.daily'), /"analytics"\."events"/);
  });

  test('entries made by another compiler (another sparkify, nunjucks or src/jinja) are all dropped', () => {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { compiler: string };
    writeFileSync(cacheFile, JSON.stringify({ ...stored, compiler: 'another' }));
    assert.deepEqual(compileWith(root, cacheFile).stats, { hits: 0, misses: TEMPLATES });
  });

  test('a template that does not compile is never cached: its error is reported every time', () => {
    const broken = writeProject({ ...FILES, 'models/daily.sql': 'select 1\n{% if %}x{% endif %}\n' });
    const file = join(tempDir('sparkify-template-cache-'), 'compiled-templates.json');
    const uncached = diagnosticsOf(() => compileUncached(broken));
    assert.match(uncached, /"line":\d+/);
    for (let i = 0; i < 2; i++) assert.equal(diagnosticsOf(() => compileWith(broken, file)), uncached);
  });

  test('an unreadable cache file is an empty cache', () => {
    writeFileSync(cacheFile, '{ not json');
    const run = compileWith(root, cacheFile);
    assert.deepEqual(run.stats, { hits: 0, misses: TEMPLATES });
    assert.equal(output(run.compiled), output(compileUncached(root)));
  });
});

describe('the compiled project, reused while nothing it was made from changed', () => {
  const root = writeProject(FILES);
  const file = join(tempDir('sparkify-compile-cache-'), 'compiled-project.json');
  const run = (env: Record<string, string> = {}, vars?: string) => {
    const project = loadProject(root, { env, varsText: vars });
    return compileProjectCached({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env }, file);
  };

  test('a second compile with nothing changed is a hit, with the same manifest and graph', () => {
    const first = run();
    assert.equal(first.cached, false);
    const second = run();
    assert.equal(second.cached, true);
    assert.equal(output(second), output(first));
    assert.deepEqual(second.graph.order, first.graph.order);
    assert.deepEqual(second.graph.parents, first.graph.parents);
  });

  test('an env var compile read, a var, the target or a file misses; an env var it did not read does not', () => {
    run();
    assert.equal(run({ UNRELATED: 'x' }).cached, true);
    const changes: [string, () => ReturnType<typeof run>][] = [
      ['env var read by env_var()', () => run({ REGION: 'us' })],
      ['var', () => run({}, '{start_day: 9}')],
      ['target', () => run({ SPARKIFY_TARGET: 'other' })],
    ];
    for (const [what, change] of changes) {
      const changed = change();
      assert.equal(changed.cached, false, what);
      assert.equal(output(changed), output(compileUncached(root, ...argsOf(what))), what);
      run(); // back to the baseline, stored again
    }
    writeFileSync(join(root, 'models/daily.sql'), FILES['models/daily.sql'].replace('count(*)', 'count(1)'));
    const edited = run();
    assert.equal(edited.cached, false);
    assert.match((edited.manifest.nodes['model.daily'] as ModelNode).compiledSql, /count\(1\)/);
  });
});

describe("the run's invocation and flags count only when a template names them", () => {
  const invocation = (n: number) => ({ id: `0000000${n}-0000-4000-8000-000000000000`, startedAt: new Date(Date.UTC(2026, 0, n)) });
  const compileAt = (root: string, file: string, n: number, which: string) => {
    const project = loadProject(root, { env: {} });
    const files = readProjectFiles(root, project.config.modelPaths, project.config.macroPaths);
    return compileProjectCached({ project, files, env: {}, invocation: invocation(n), flags: { WHICH: which } }, file);
  };
  const cacheFile = () => join(tempDir('sparkify-compile-cache-'), 'compiled-project.json');

  test('a project that never reads them: a new run, or compile after build, reuses the result', () => {
    const [root, file] = [writeProject(FILES), cacheFile()];
    assert.equal(compileAt(root, file, 1, 'build').cached, false);
    assert.equal(compileAt(root, file, 2, 'compile').cached, true);
  });

  test('a model that stamps invocation_id, or reads flags, is compiled again for each run', () => {
    const stamped = { ...FILES, 'models/audit.sql': "select '{{ invocation_id }}' as run, '{{ flags.WHICH }}' as which\n" };
    const [root, file] = [writeProject(stamped), cacheFile()];
    compileAt(root, file, 1, 'build');
    const again = compileAt(root, file, 2, 'build');
    assert.equal(again.cached, false);
    assert.match((again.manifest.nodes['model.audit'] as ModelNode).compiledSql, /'00000002-0000-4000-8000-000000000000' as run, 'build'/);
    assert.equal(compileAt(root, file, 2, 'build').cached, true, 'the same invocation and flags hit');
    assert.match((compileAt(root, file, 2, 'compile').manifest.nodes['model.audit'] as ModelNode).compiledSql, /'compile' as which/);
  });
});

/** The diagnostics `compile` throws, as JSON (path, line, column, message). */
function diagnosticsOf(compile: () => unknown): string {
  try {
    compile();
  } catch (error) {
    if (error instanceof SparkifyError) return JSON.stringify(error.diagnostics);
    throw error;
  }
  throw new Error('compiled without an error');
}

function argsOf(what: string): [Record<string, string>, string?] {
  if (what.startsWith('env var')) return [{ REGION: 'us' }];
  if (what === 'var') return [{}, '{start_day: 9}'];
  return [{ SPARKIFY_TARGET: 'other' }];
}
