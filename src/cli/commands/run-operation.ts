import { formatDiagnostic, SparkifyError } from '../../diagnostics.js';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { renderOperationForRun } from '../../compile/render-operation-for-run.js';
import { parseVars } from '../../project/parse-vars.js';
import { writeRunResults } from '../../run/artifacts.js';
import type { NodeResult } from '../../run/node-result.js';
import { OperationError, runOperation, type OperationStatement } from '../../run/run-operation.js';
import { RunErrors } from '../../run/error-codes.js';
import { CliErrors } from '../error-codes.js';
import { runResultsDocument } from '../run-summary.js';
import type { GlobalOptions, ProjectContext } from '../project-context.js';
import { loadProjectContext } from '../project-context.js';
import { formatRows } from './show.js';

/** Options of `sparkify run-operation MACRO`. */
export interface RunOperationOptions extends GlobalOptions {
  positional?: unknown[];
  /** --args: the macro's arguments, a YAML or JSON mapping. */
  args?: string;
}

/**
 * `sparkify run-operation MACRO --args '{...}'`: calls the macro with the arguments (keywords) and
 * `execute` true, so its run_query()/statement() calls act on the warehouse, then runs the statements
 * it printed; all in one transaction. Prints the rows each statement returned.
 * Exit 1 when a statement fails (dbt: "Encountered an error while running operation").
 */
export async function runOperationCommand(options: RunOperationOptions): Promise<number> {
  const started = Date.now();
  const macro = String(options.positional?.[0] ?? '');
  const args = readArgs(options.args);
  // Compile renders it first (execute false): a missing macro or a template error stops here, before the warehouse opens.
  const context = loadProjectContext(options, { operation: { macro, args } });
  const { input: compile, compiled: { manifest } } = context;
  const adapter = await createAdapter(context.root, context.project.target);
  const id = `macro.${context.project.config.name}.${macro}`;
  let result: NodeResult;
  try {
    await adapter.open();
    const ran = await runOperation(adapter, engineOf(context.project.target).quoting.literal,
      (introspector) => renderOperationForRun({ compile, manifest, introspector }, { macro, args }));
    printStatements(context, macro, ran);
    result = { id, status: 'success', message: `ran ${ran.length} statement${ran.length === 1 ? '' : 's'}`, rowsAffected: null, executionTime: (Date.now() - started) / 1000 };
  } catch (error) {
    if (!(error instanceof OperationError)) throw error;
    const diagnostic = { code: RunErrors.databaseError, message: `run-operation ${macro}: statement ${error.index + 1} failed: ${error.message}`, hint: `the statement:\n${error.sql}` };
    context.output.error(`Encountered an error while running operation: ${formatDiagnostic(diagnostic)}`, { name: 'RunningOperationCaughtError', code: 'Q001' });
    result = { id, status: 'error', message: diagnostic.message, rowsAffected: null, executionTime: (Date.now() - started) / 1000, diagnostics: [diagnostic] };
  } finally {
    await adapter.close();
  }
  writeRunResults(context.root, runResultsDocument('run-operation', context, [result], started, undefined, { macro, args }), context.scrub);
  return result.status === 'success' ? 0 : 1;
}

function readArgs(text: string | undefined): Record<string, unknown> {
  try {
    return parseVars(text ?? '');
  } catch (error) {
    if (!(error instanceof SparkifyError)) throw error;
    throw new SparkifyError({ ...error.diagnostics[0], code: CliErrors.badOperation, message: error.diagnostics[0].message.replace('--vars', '--args'), hint: "e.g. --args '{days: 7}'" });
  }
}

function printStatements(context: ProjectContext, macro: string, ran: OperationStatement[]): void {
  if (ran.length === 0) {
    context.output.line(`run-operation ${macro}: the macro ran no SQL statement`);
    return;
  }
  for (const { result } of ran) {
    const rows = result.rowCount === null ? '' : ` ${result.rowCount}`;
    context.output.line(`OK ${result.command}${rows}`);
    if (result.rows.length > 0) context.output.raw(formatRows(result.columns, result.rows.slice(0, 20), 'table'));
  }
  context.output.line(`run-operation ${macro}: ran ${ran.length} statement${ran.length === 1 ? '' : 's'}`);
}
