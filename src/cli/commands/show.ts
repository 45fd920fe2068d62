import { stringify } from 'csv-stringify/sync';
import { compileProject } from '../../compile/compile-project.js';
import { fail } from '../../diagnostics.js';
import { createAdapter, engineOf } from '../../engines/registry.js';
import { kindOf } from '../../kinds/registry.js';
import { CliErrors } from '../error-codes.js';
import type { GlobalOptions, ProjectContext, SelectionOptions } from '../project-context.js';
import { loadProjectContext, selectedIds } from '../project-context.js';
import { textTable } from '../../text-table.js';

/** Options of `sparkify show`. */
export interface ShowOptions extends GlobalOptions, SelectionOptions {
  inline?: string;
  limit?: number;
  output?: string;
}

/** `sparkify show`: previews a model's rows, or the result of an inline query using ref()/source(). */
export async function showCommand(options: ShowOptions): Promise<number> {
  // A bad --output is a usage error: report it before compiling, opening the warehouse or querying.
  const format = checkFormat(options.output ?? 'table');
  const context = loadProjectContext(options);
  const limit = options.limit ?? 10;
  const query = `SELECT * FROM (\n${sourceQuery(context, options)}\n) AS sparkify_show LIMIT ${limit}`;
  const adapter = await createAdapter(context.root, context.project.target);
  await adapter.open();
  try {
    const result = await adapter.withSession((session) => session.execute(query));
    context.output.raw(formatRows(result.columns, result.rows, format));
  } catch (error) {
    if ((error as { position?: unknown }).position === undefined && !(error as { code?: unknown }).code) throw error;
    fail(CliErrors.queryFailed, `the query failed: ${(error as Error).message}`, undefined, 'check the SQL; sparkify compile shows how ref() and source() resolve');
  } finally {
    await adapter.close();
  }
  return 0;
}

function sourceQuery(context: ProjectContext, options: ShowOptions): string {
  if (options.inline !== undefined) {
    // The files the command read already: the packages' macros too.
    const compiled = compileProject({ ...context.input, inline: options.inline });
    return compiled.inlineSql!.trim().replace(/;+\s*$/, '');
  }
  if (!options.select?.length) fail(CliErrors.badUsage, 'show needs --select MODEL or --inline "SQL"', undefined, 'e.g. sparkify show --select users --limit 5');
  // Selecting a model shows the model, not also its tests.
  const ids = selectedIds(context, { ...options, indirectSelection: 'empty' });
  if (ids.length !== 1) {
    fail(CliErrors.badUsage, `show previews one node, but the selection matches ${ids.length}: ${ids.join(', ')}`, undefined, 'select a single model or source');
  }
  const node = context.compiled.manifest.nodes[ids[0]];
  const sql = kindOf(node).previewSql(node, engineOf(context.project.target).quoting);
  if (sql === undefined) fail(CliErrors.badUsage, `${node.name} is a ${kindOf(node).noun[0]}: it has no rows in the warehouse`, undefined, `run it: sparkify test --select ${node.name}`);
  return sql;
}

const FORMATS = ['table', 'json', 'csv'] as const;
/** What `show --output` takes. */
export type ShowFormat = (typeof FORMATS)[number];

/** The --output format, or SPK030 (exit 2) for one show does not have. */
function checkFormat(format: string): ShowFormat {
  if (!(FORMATS as readonly string[]).includes(format)) fail(CliErrors.unknownOutput, `unknown --output '${format}'`, undefined, 'use table, json or csv');
  return format as ShowFormat;
}

/** Renders rows as an aligned text table, JSON lines or CSV. */
export function formatRows(columns: string[], rows: Record<string, unknown>[], format: ShowFormat): string {
  const text = (value: unknown) => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value));
  if (format === 'json') return JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n';
  if (format === 'csv') return stringify([columns, ...rows.map((r) => columns.map((c) => text(r[c])))]);
  const cells = rows.map((r) => columns.map((c) => (r[c] === null ? 'NULL' : text(r[c]))));
  return textTable(columns, cells).map((line) => `${line}\n`).join('') + `(${rows.length} row${rows.length === 1 ? '' : 's'})\n`;
}
