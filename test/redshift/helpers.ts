/** Fixtures of the Redshift tests: a project with a redshift target `rs`, compiled and planned offline. */
import { renderPlan } from '../../src/plan/render-plan.js';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { compileProject, type CompiledProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { planNodes } from '../../src/kinds/plan-nodes.js';
import { RedshiftDialect } from '../../src/engines/redshift/redshift-dialect.js';
import { loadProject, type LoadedProject } from '../../src/project/index.js';
import { readSeedFiles } from '../../src/seeds/seed-files.js';
import { writeProject } from '../compile/fixture.js';
import { REPO_ROOT } from '../e2e/helpers.js';
import { tempDir } from '../support/temp-dir.js';

/** The role and region the golden files are written with. */
export const S3_ACCESS = { iamRole: 'arn:aws:iam::123456789012:role/sparkify-s3-read', region: 'us-west-2' };

/** The dialect of the golden files. */
export const dialect = new RedshiftDialect(S3_ACCESS);

/** project.yml: PGlite `dev`, and `rs` reading dwh.cfg, whose vars point the source at S3. */
export const RS_PROJECT_YML = `name: fixture
default_target: dev
targets:
  dev:
    type: pglite
  rs:
    type: redshift
    config_file: dwh.cfg
    vars:
      events_location: "{{ dwh_cfg('S3', 'EVENTS', 's3://sparkify-bucket/events') }}"
`;

/** sources.yml: one table whose location is a var, local by default. */
export const RS_SOURCES_YML = `sources:
  - name: raw
    tables:
      - name: events
        location: "{{ var('events_location', 'data/events') }}"
        jsonpaths: auto
        columns:
          - name: id
            type: integer
          - name: kind
            type: varchar(16)
`;

/** A compiled fixture and the project it was loaded from. */
export interface Fixture {
  root: string;
  project: LoadedProject;
  compiled: CompiledProject;
}

/** Writes and compiles a fixture for `target` (default `rs`); files override the defaults above. */
export function compileFor(files: Record<string, string>, target = 'rs', varsText?: string): Fixture {
  const root = writeProject({ 'project.yml': RS_PROJECT_YML, 'sources.yml': RS_SOURCES_YML, ...files });
  const project = loadProject(root, { env: {}, targetName: target, varsText });
  const compiled = compileProject({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env: {}, seeds: readSeedFiles(root) });
  return { root, project, compiled };
}

/** The rendered plan of one node with the golden dialect. */
export function planText(fixture: Fixture, id: string): string {
  return renderPlan(planNodes(fixture.compiled.manifest, [id], dialect)[0]);
}

/** A copy of the repository's own project (configs, models, macros, data tests, seeds; no data, no dwh.cfg). */
export function copyRepoProject(): string {
  const dir = tempDir('sparkify-redshift-');
  for (const entry of ['project.yml', 'sources.yml', 'models', 'macros', 'tests', 'seeds']) {
    if (existsSync(join(REPO_ROOT, entry))) cpSync(join(REPO_ROOT, entry), join(dir, entry), { recursive: true });
  }
  return dir;
}

/** The seed's dwh.cfg shape: S3 values carry their own quotes, the ARN here does not. */
export const SEED_DWH_CFG = `[CLUSTER]
HOST=sparkify.abc123.us-west-2.redshift.amazonaws.com
DB_NAME=dwh
DB_USER=dwhuser
DB_PASSWORD=planted-s3cret-value
DB_PORT=5439

[IAM_ROLE]
ARN=arn:aws:iam::123456789012:role/dwhRole

[S3]
LOG_DATA='s3://udacity-dend/log_data'
LOG_JSONPATH='s3://udacity-dend/log_json_path.json'
SONG_DATA='s3://udacity-dend/song_data'
`;

/** sources.yml with the table raw.events over s3://sparkify-bucket/log_data (`jsonpaths: auto`), one flow-style entry per column. */
export function logDataSources(columns: string[]): string {
  const lines = columns.map((column) => `          - ${column}`).join('\n');
  return `sources:\n  - name: raw\n    tables:\n      - name: events\n        location: s3://sparkify-bucket/log_data\n        jsonpaths: auto\n        columns:\n${lines}\n`;
}
