import { isAbsolute, resolve } from 'node:path';
import { DbtIdMap } from '../../artifacts/dbt-ids.js';
import { dbtSourcesJson, type FreshnessResult } from '../../artifacts/dbt-sources-json.js';
import { formatDiagnostic, type Diagnostic } from '../../diagnostics.js';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { hasFreshness } from '../../manifest/freshness.js';
import type { SourceNode } from '../../manifest/manifest.js';
import { freshnessQuery } from '../../plan/freshness-query.js';
import { writeManifest, writeSourcesJson, writeSourcesJsonTo } from '../../run/artifacts.js';
import { checkFreshness, type FreshnessOutcome } from '../../run/check-freshness.js';
import { RunErrors } from '../../run/error-codes.js';
import { manifestDocument } from '../artifact-documents.js';
import { colourStatus, statusLine } from '../output.js';
import type { GlobalOptions, ProjectContext } from '../project-context.js';
import { loadProjectContext } from '../project-context.js';
import { selectRunIds, type RunSelection } from '../run-selection.js';

/** Options of `sparkify source freshness`. */
export interface FreshnessOptions extends GlobalOptions, RunSelection {
  /** -o/--output: where sources.json goes (dbt's flag), relative to the working directory. */
  output?: string;
  threads?: number;
}

/**
 * `sparkify source freshness`: for each selected source table with a freshness block and a
 * loaded_at_field, max(loaded_at_field) against warn_after/error_after; one line each (PASS, WARN,
 * ERROR STALE, ERROR), target/sources.json, exit 1 when one is stale past error_after or failed.
 */
export async function sourceFreshnessCommand(options: FreshnessOptions): Promise<number> {
  const started = Date.now();
  const context = loadProjectContext(options);
  const sources = checkedSources(context, options);
  writeManifest(context.root, manifestDocument(context), context.scrub);
  if (sources.length === 0) {
    context.output.warn('warning: Nothing to do: no selected source has a freshness block (warn_after or error_after) and a loaded_at_field', { name: 'NothingToDo', code: 'Q035' });
    writeResults(context, options, [], started);
    return 0;
  }
  const quoting = engineOf(context.project.target).quoting;
  const adapter = await createAdapter(context.root, context.project.target);
  let outcomes: FreshnessOutcome[] = [];
  try {
    await adapter.open();
    const total = sources.length;
    outcomes = await checkFreshness(adapter, sources.map((source) => ({ source, sql: freshnessQuery(source, quoting) })), options.threads ?? context.project.target.threads,
      (outcome, index) => printOutcome(context, outcome, index, total));
  } finally {
    await adapter.close();
    writeResults(context, options, outcomes, started);
  }
  return summarize(context, outcomes);
}

/** The selected sources dbt would check: a threshold and a loaded_at_field (those lacking the field are warned about). */
function checkedSources(context: ProjectContext, options: FreshnessOptions): SourceNode[] {
  const { nodes } = context.compiled.manifest;
  const selected = selectRunIds(context, { ...options, indirectSelection: 'empty' }).map((id) => nodes[id]);
  const sources = selected.filter((node): node is SourceNode => node.kind === 'source' && hasFreshness(node.freshness));
  for (const source of sources.filter((s) => !s.loadedAtField)) {
    context.output.warn(`warning: ${formatDiagnostic({
      code: RunErrors.freshnessNoField, message: `source ${source.sourceName}.${source.name} has a freshness block but no loaded_at_field: it is not checked`,
      location: source.position, hint: 'add `loaded_at_field: <timestamp column>` to the table or its source',
    })}`);
  }
  return sources.filter((s) => s.loadedAtField);
}

function printOutcome(context: ProjectContext, outcome: FreshnessOutcome, index: number, total: number): void {
  const promoted = outcome.status === 'warn' && context.warnings.promotes('LogFreshnessResult');
  const word = outcome.status === 'runtime error' ? 'ERROR' : outcome.status === 'error' || promoted ? 'ERROR STALE' : outcome.status === 'warn' ? 'WARN' : 'PASS';
  const coloured = word.startsWith('ERROR') ? colourStatus('ERROR') + word.slice(5) : word === 'WARN' ? colourStatus('WARN') : colourStatus('OK').replace('OK', 'PASS');
  const what = `${outcome.source.sourceName}.${outcome.source.name}`;
  const ids = new DbtIdMap(context.compiled.manifest);
  context.output.line(statusLine(`${index} of ${total} ${coloured} freshness of`, what, `${word} in ${outcome.executionTime.toFixed(2)}s`), {
    name: 'LogFreshnessResult', code: 'Q018', level: word.startsWith('ERROR') ? 'error' : word === 'WARN' ? 'warn' : 'info',
    data: { status: outcome.status, source_name: outcome.source.sourceName, table_name: outcome.source.name, index, total, execution_time: outcome.executionTime, node_info: { unique_id: ids.toDbt(outcome.source.id), node_name: outcome.source.name, resource_type: 'source' } },
  });
}

/** Errors after the lines, `Done.`; exit 1 when a table is stale past error_after (or warned under --warn-error) or failed. */
function summarize(context: ProjectContext, outcomes: FreshnessOutcome[]): number {
  const problems = outcomes.map((outcome) => diagnosticOf(context, outcome)).filter((d): d is Diagnostic => d !== undefined);
  for (const problem of problems) {
    const failing = problem.code !== RunErrors.freshnessWarn;
    if (failing) context.output.error(formatDiagnostic(problem));
    else if (!context.warnings.silences('LogFreshnessResult')) context.output.warn(`warning: ${formatDiagnostic(problem)}`);
  }
  context.output.line('Done.', { name: 'FreshnessCheckComplete', code: 'Q003' });
  return problems.some((p) => p.code !== RunErrors.freshnessWarn) ? 1 : 0;
}

function diagnosticOf(context: ProjectContext, outcome: FreshnessOutcome): Diagnostic | undefined {
  const { source } = outcome;
  const what = `${source.sourceName}.${source.name}`;
  if (outcome.status === 'pass') return undefined;
  if (outcome.status === 'runtime error') {
    return { code: RunErrors.freshnessRuntime, message: `freshness of ${what} could not be checked: ${outcome.error}`, location: source.position, node: source.id, hint: `check loaded_at_field (${source.loadedAtField}) and the table ${source.relation.schema}.${source.relation.identifier}` };
  }
  const hours = ((outcome.ageSeconds ?? 0) / 3600).toFixed(1);
  const promoted = outcome.status === 'warn' && context.warnings.promotes('LogFreshnessResult');
  const code = outcome.status === 'error' || promoted ? RunErrors.freshnessStale : RunErrors.freshnessWarn;
  const limit = outcome.status === 'error' ? source.freshness?.errorAfter : source.freshness?.warnAfter;
  return {
    code, node: source.id, location: source.position,
    message: `${what} is stale: its newest row (max(${source.loadedAtField}) = ${outcome.maxLoadedAt}) is ${hours} hours old, more than ${outcome.status === 'error' ? 'error_after' : 'warn_after'} ${limit?.count} ${limit?.period}${limit?.count === 1 ? '' : 's'}${promoted ? ' (an error because of --warn-error)' : ''}`,
    hint: 'load the table again, or widen its freshness thresholds',
  };
}

function writeResults(context: ProjectContext, options: FreshnessOptions, outcomes: FreshnessOutcome[], started: number): void {
  const ids = new DbtIdMap(context.compiled.manifest);
  const results: FreshnessResult[] = outcomes.map((o) => (o.status === 'runtime error'
    ? { uniqueId: ids.toDbt(o.source.id), status: 'runtime error', error: o.error ?? '' }
    : {
      uniqueId: ids.toDbt(o.source.id), status: o.status, maxLoadedAt: o.maxLoadedAt!, snapshottedAt: o.snapshottedAt!,
      warnAfter: o.source.freshness?.warnAfter, errorAfter: o.source.freshness?.errorAfter, filter: o.source.freshness?.filter,
      startedAt: o.startedAt, completedAt: o.completedAt, executionTime: o.executionTime,
    }));
  const document = dbtSourcesJson(context.run, results, (Date.now() - started) / 1000);
  if (options.output) writeSourcesJsonTo(isAbsolute(options.output) ? options.output : resolve(options.output), document, context.scrub);
  else writeSourcesJson(context.root, document, context.scrub);
}
