/**
 * Issue 8's proof that an engine is one folder and one registry entry: an engine defined here, in
 * test code only — PGlite under another type name, with a 30-byte identifier limit and dispatch that
 * prefers its own macros — registered in one line, then read from project.yml, compiled, planned,
 * built, and run through the adapter conformance suite like the real ones.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { compileProject } from '../../src/compile/compile-project.js';
import { SparkifyError } from '../../src/diagnostics.js';
import type { Engine } from '../../src/engines/engine.js';
import { pgliteEngine } from '../../src/engines/pglite/pglite-engine.js';
import { readPgliteTarget, type PgliteTarget } from '../../src/engines/pglite/pglite-target.js';
import { createAdapter, dialectFor, engineOf, registerEngine } from '../../src/engines/registry.js';
import { executeRun } from '../../src/kinds/execute-run.js';
import { planRun } from '../../src/kinds/plan-run.js';
import { topologicalOrder } from '../../src/graph/index.js';
import { loadProject } from '../../src/project/index.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { sqlQuoting } from '../../src/sql/quote.js';
import { writeProject } from '../compile/fixture.js';
import { adapterConformance } from '../adapters/conformance.js';
import { tempDir } from '../support/temp-dir.js';

const capabilities = { ...pgliteEngine.capabilities, maxIdentifierBytes: 30, macroFallbacks: ['tinylite', 'postgres', 'default'] };
const tinylite: Engine<PgliteTarget> = {
  ...pgliteEngine,
  type: 'tinylite',
  capabilities,
  quoting: sqlQuoting(capabilities),
  readTarget: (reading) => ({ ...readPgliteTarget(reading), type: 'tinylite' }) as unknown as PgliteTarget,
};
registerEngine(tinylite);

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A project on a tinylite target, with `models`. */
function project(models: Record<string, string>) {
  const root = writeProject({
    'project.yml': 'name: tiny\ntargets:\n  dev:\n    type: tinylite\n    path: .sparkify/dev\n',
    'macros/greeting.sql': "{% macro tinylite__greeting() %}'tiny'{% endmacro %}\n{% macro default__greeting() %}'default'{% endmacro %}\n",
    ...models,
  });
  dirs.push(root);
  const loaded = loadProject(root, { env: {} });
  return { root, loaded, compile: () => compileProject({ project: loaded, files: readProjectFiles(root, ['models'], ['macros']), env: {} }) };
}

describe('an engine defined in test code, registered in one line', () => {
  test('project.yml reads its target, and the registry answers for it', () => {
    const { loaded } = project({ 'models/a.sql': 'select 1 as id\n' });
    assert.equal(loaded.target.type, 'tinylite');
    assert.equal(engineOf(loaded.target), tinylite);
  });

  test('its capabilities are what the stages use: its identifier limit and its macro dispatch', () => {
    const longName = 'a_model_name_longer_than_thirty_bytes';
    const error = (() => {
      try {
        project({ [`models/${longName}.sql`]: 'select 1 as id\n', 'models/b.sql': `select * from {{ ref('${longName}') }}\n` }).compile();
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof SparkifyError, 'a name past its 30 bytes is refused');
    assert.match(error.message, /longer than 30 bytes/);
    const compiled = project({ 'models/hello.sql': 'select {{ greeting() }} as word\n' }).compile();
    assert.match(compiled.manifest.nodes['model.hello'].kind === 'model' ? compiled.manifest.nodes['model.hello'].compiledSql : '', /'tiny' as word/);
  });

  test('a build plans with its dialect and runs on its adapter', async () => {
    const { root, loaded, compile } = project({ 'models/a.sql': 'select 1 as id\n', 'models/b.sql': "select id, {{ greeting() }} as word from {{ ref('a') }}\n" });
    const { manifest, graph } = compile();
    const adapter = await createAdapter(root, loaded.target);
    await adapter.open();
    try {
      const models = topologicalOrder(graph).filter((id) => id.startsWith('model.'));
      const run = planRun(manifest, models, dialectFor(loaded.target), { runId: 'tiny0001' });
      const { results } = await executeRun(run, {
        adapter, manifest, threads: 1, openFeed: () => assert.fail('no sources'), filesOf: () => ({ runFile: 'x.sql' }),
        reporter: { started() {}, finished() {} }, steps: { finished() {} },
      });
      assert.deepEqual(results.map((r) => [r.id, r.status]), [['model.a', 'success'], ['model.b', 'success']]);
      const rows = await adapter.withSession((s) => s.execute('select id, word from public.b'));
      assert.deepEqual(rows.rows, [{ id: 1, word: 'tiny' }]);
    } finally {
      await adapter.close();
    }
  });
});

const conformanceDir = tempDir('sparkify-tinylite-');
adapterConformance({
  name: 'tinylite (an engine from test code)',
  copySource: "'/dev/blob'",
  open: async () => {
    const target = { name: 'dev', type: 'tinylite', schema: 'public', threads: 1, position: { file: 'project.yml', line: 1 }, path: 'warehouse' };
    const adapter = await engineOf(target).createAdapter(conformanceDir, target);
    await adapter.open();
    return adapter;
  },
  dispose: async () => rmSync(conformanceDir, { recursive: true, force: true }),
});
