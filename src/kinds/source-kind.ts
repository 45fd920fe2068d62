/** Sources: staging tables loaded from JSON files (or, on Redshift, by the warehouse's own COPY). */
import { ledgerCopyText, openSourceStream } from '../load/index.js';
import type { SourceFeed } from '../run/run-context.js';
import type { FeedContext } from './node-kind.js';
import { createProgressReporter, reportLoad } from '../load/progress.js';
import type { SourceNode } from '../manifest/manifest.js';
import { buildContext } from '../plan/plan-model.js';
import type { RelationPlan } from '../plan/types.js';
import { runPath } from '../run/artifacts.js';
import { runPlanStatements } from '../run/run-statements.js';
import type { NodeKind } from './node-kind.js';
import { withoutRows } from '../plan/without-rows.js';
import { loadSummary } from '../plan/loads/plan-load.js';

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
  plan: (source, dialect, options) => {
    const load = source.existing ? undefined : options.loads?.[source.id];
    return {
      id: source.id,
      kind: 'source',
      description: `source ${source.sourceName}.${source.name}${source.existing ? ' (an existing table: nothing to load)' : ''}`,
      path: source.path,
      runPath: `sources/${source.sourceName}/${source.name}.sql`,
      statements: source.existing ? [] : withoutRows(dialect.loadSource(source, { ...buildContext(source, options), load }), options.empty),
      ...(load ? { load } : {}),
      ...(load?.mode === 'full' && load.reason ? { notes: [`full reload: ${load.reason}`] } : {}),
    };
  },
  relationOf: (source) => source.relation,
  runs: (source) => !source.existing,
  secondPlanWhenExists: () => undefined,
  previewSql: (source, quoting) => `SELECT * FROM ${quoting.relation(source.relation)}`,
  // A table sparkify does not load is not its own: never searched for leftovers, never re-pointed.
  stateNeeds: (source) => (source.existing ? {} : { relation: source.relation, dependents: true, owned: source.relation }),
  errorFiles: (plan) => ({ runFile: runPath(plan) }),
  // The loader reads the manifest's node: what compile resolved is what loads.
  openFeed(source, context, part) {
    if (part?.name === 'ledger') return ledgerFeed(source, context, part.previous);
    const progress = createProgressReporter(`${source.sourceName}.${source.name}`, context.progress);
    // A source that names its bucket's region reads it there, as Redshift's COPY REGION does.
    const s3 = source.region ? { ...context.s3, region: source.region } : context.s3;
    const files = context.loads?.[source.id]?.files;
    const stream = openSourceStream(source, { root: context.root, s3, files, copyInProcess: context.copyInProcess, onProgress: (p) => progress.update(p) });
    return {
      listed: () => stream.listed(),
      get stats() {
        return stream.stats;
      },
      chunks: () => reportLoad(stream.chunks(), progress, context.signal),
    };
  },
  async execute(plan, context) {
    const run = await runPlanStatements(plan, context);
    // An append or a load with nothing new says what it did: `1 new file, 171 rows; 29 unchanged`.
    if (run.status === 'success' && plan.load && plan.load.mode !== 'full') run.message = loadSummary(plan.load, run.rowsAffected);
    return run;
  },
  usesWarehouse: true,
  reportsAs: 'build',
  verb: () => 'loaded',
  label: (plan) => plan.description,
};

/** The ledger rows of the load just fed by `previous`: one per file it read (its stats are the load's). */
function ledgerFeed(source: SourceNode, context: FeedContext, previous?: SourceFeed): SourceFeed {
  if (!previous?.listed) throw new Error(`internal: the ledger of ${source.id} is copied before its rows`);
  const load = context.loads?.[source.id];
  const ids = { loadId: load?.loadId ?? '', fullLoadId: load?.fullLoadId ?? '', definition: load?.definition ?? '' };
  return {
    get stats() {
      return previous.stats;
    },
    async *chunks() {
      yield ledgerCopyText(await previous.listed!(), previous.stats, ids);
    },
  };
}
