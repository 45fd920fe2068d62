/** A fixture project for unit tests: one typed source, a model over it, a model over that, an incremental one. */
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { readDataTestFiles } from '../../src/data-tests/index.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { PostgresDialect } from '../../src/engines/postgres-family/postgres-dialect.js';
import { loadProject } from '../../src/project/index.js';
import { runUnitTest, type UnitTestRun } from '../../src/unit-tests/run-unit-test.js';
import type { UnitTestEngine } from '../../src/unit-tests/unit-test-engine.js';
import { writeProject } from '../compile/fixture.js';

/** raw.events with a column of each type whose casting matters. */
export const SOURCES_YML = `sources:
  - name: raw
    tables:
      - name: events
        location: data/events
        jsonpaths: auto
        columns:
          - {name: id, type: integer}
          - {name: kind, type: varchar(16)}
          - {name: at, type: timestamp}
          - {name: amount, type: 'numeric(10,2)'}
          - {name: paid, type: boolean}
`;

/** `users` reads the source; `plays` reads users (and a var); `inc` is incremental over the source. */
export const MODELS = {
  'models/users.sql': "select id as user_id, kind as level, at, amount, paid\nfrom {{ source('raw', 'events') }}\nwhere id is not null\n",
  'models/marts/plays.sql': "select user_id, level from {{ ref('users') }} where level = '{{ var('wanted', 'paid') }}'\n",
  'models/inc.sql': [
    "{{ config(materialized='incremental', unique_key='id') }}",
    "select id, at from {{ source('raw', 'events') }}",
    '{% if is_incremental() %}where at > (select max(at) from {{ this }}){% endif %}',
    '',
  ].join('\n'),
};

/** Compiles the fixture project with `files` (schema files under models/, fixtures under tests/). */
export function compileUnit(files: Record<string, string>, env: Record<string, string> = {}): CompiledProject {
  const root = writeProject({ 'sources.yml': SOURCES_YML, ...MODELS, ...files });
  const project = loadProject(root, { env });
  const { modelPaths, macroPaths, testPaths } = project.config;
  return compileProject({ project, files: readProjectFiles(root, modelPaths, macroPaths), env, dataTests: readDataTestFiles(root, modelPaths, testPaths) });
}

/** Plans and runs one unit test of a compiled project on `engine`. */
export async function runUnit(compiled: CompiledProject, id: string, engine: UnitTestEngine): Promise<UnitTestRun> {
  const [plan] = planNodes(compiled.manifest, [id], new PostgresDialect('pglite', "'/dev/blob'"));
  return runUnitTest(plan, plan.unitTest!, engine);
}

/** Joins lines with newlines, so a fixture's line N is the N-th argument. */
export function lines(...text: string[]): string {
  return text.join('\n') + '\n';
}
