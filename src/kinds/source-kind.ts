/** Sources: staging tables loaded from JSON files (or, on Redshift, by the warehouse's own COPY). */
import { openSourceStream } from '../load/index.js';
import { createProgressReporter, reportLoad } from '../load/progress.js';
import type { SourceNode } from '../manifest/manifest.js';
import { buildContext } from '../plan/plan-model.js';
import type { RelationPlan } from '../plan/types.js';
import { runPath } from '../run/artifacts.js';
import { runPlanStatements } from '../run/run-statements.js';
import type { NodeKind } from './node-kind.js';
import { withoutRows } from '../plan/without-rows.js';

/** The source entry of the node-kind registry. */
export const sourceKind: NodeKind<SourceNode, RelationPlan> = {
  kind: 'source',
  noun: ['source', 'sources'],
  selector: (source) => `source:${source.sourceName}.${source.name}`,
  graphNode: (source) => ({
    id: source.id, kind: 'source', name: source.name, sourceName: source.sourceName,
    path: source.path, line: source.line, tags: source.tags, dependsOn: [],
  }),
  compiledFiles: () => [],
  // A source over an existing table plans nothing: something else loads it.
  plan: (source, dialect, options) => ({
    id: source.id,
    kind: 'source',
    description: `source ${source.sourceName}.${source.name}${source.existing ? ' (an existing table: nothing to load)' : ''}`,
    path: source.path,
    runPath: `sources/${source.sourceName}/${source.name}.sql`,
    statements: source.existing ? [] : withoutRows(dialect.loadSource(source, buildContext(source, options)), options.empty),
  }),
  relationOf: (source) => source.relation,
  runs: (source) => !source.existing,
  secondPlanWhenExists: () => undefined,
  previewSql: (source, quoting) => `SELECT * FROM ${quoting.relation(source.relation)}`,
  // A table sparkify does not load is not its own: never searched for leftovers, never re-pointed.
  stateNeeds: (source) => (source.existing ? {} : { relation: source.relation, dependents: true, owned: source.relation }),
  errorFiles: (plan) => ({ runFile: runPath(plan) }),
  // The loader reads the manifest's node: what compile resolved is what loads.
  openFeed(source, context) {
    const progress = createProgressReporter(`${source.sourceName}.${source.name}`, context.progress);
    // A source that names its bucket's region reads it there, as Redshift's COPY REGION does.
    const s3 = source.region ? { ...context.s3, region: source.region } : context.s3;
    const stream = openSourceStream(source, { root: context.root, s3, onProgress: (p) => progress.update(p) });
    return {
      get stats() {
        return stream.stats;
      },
      chunks: () => reportLoad(stream.chunks(), progress, context.signal),
    };
  },
  execute: runPlanStatements,
  usesWarehouse: true,
  reportsAs: 'build',
  verb: () => 'loaded',
  label: (plan) => plan.description,
};
