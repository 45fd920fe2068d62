/**
 * The Redshift table attributes of a model's config: `dist`, `diststyle`, `sort`, `sort_type`. Only
 * this dialect reads them, so they do nothing on PGlite or PostgreSQL.
 * Syntax: https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_AS.html
 *   CREATE TABLE name [ BACKUP ... ] [ DISTSTYLE { AUTO | EVEN | ALL | KEY } ] [ DISTKEY( column ) ]
 *     [ [ COMPOUND | INTERLEAVED ] SORTKEY( column [, ...] ) ] AS query
 */
import type { ModelNode } from '../../manifest/manifest.js';
import { RedshiftErrors } from './error-codes.js';
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { quoteIdentifier } from './redshift-quoting.js';

const STYLES = ['all', 'even', 'key', 'auto'];
const SORT_TYPES = ['compound', 'interleaved'];

/** Code of a dist/sort config Redshift cannot take. */
export const BAD_TABLE_ATTRIBUTE = RedshiftErrors.badTableAttribute;

/** `DISTSTYLE KEY DISTKEY("c") SORTKEY("c")`, or '' when the model sets none; SPK141 for a bad config. */
export function tableAttributes(model: ModelNode): string {
  const problems: string[] = [];
  const attributes = [distribution(model.config.extra, problems), sortKey(model.config.extra, problems)];
  if (problems.length > 0) throw new SparkifyError(problems.map((message) => diagnostic(model, message)));
  return attributes.filter(Boolean).join(' ');
}

/** `dist='column'` means DISTSTYLE KEY on it; `dist='all'|'even'|'auto'` (or `diststyle=`) a style. */
function distribution(config: Record<string, unknown>, problems: string[]): string {
  const dist = optionalText(config, 'dist', problems);
  const declared = optionalText(config, 'diststyle', problems)?.toLowerCase();
  if (declared !== undefined && !STYLES.includes(declared)) {
    problems.push(`diststyle='${declared}' is not one of ${STYLES.join(', ')}`);
    return '';
  }
  const named = dist !== undefined && STYLES.includes(dist.toLowerCase()) ? dist.toLowerCase() : undefined;
  const column = named === undefined ? dist : undefined;
  const style = named ?? (column !== undefined ? 'key' : declared);
  if (declared !== undefined && style !== declared) problems.push(`dist='${dist}' and diststyle='${declared}' contradict each other`);
  if (style === 'key' && column === undefined) problems.push("DISTSTYLE KEY needs the key column: write dist='column_name'");
  if (column !== undefined) return `DISTSTYLE KEY DISTKEY(${quoteIdentifier(column)})`;
  return style !== undefined && style !== 'key' ? `DISTSTYLE ${style.toUpperCase()}` : '';
}

/** `sort='c'` or `sort=['a', 'b']`, with `sort_type='compound'|'interleaved'`. */
function sortKey(config: Record<string, unknown>, problems: string[]): string {
  const sort = config.sort;
  const type = optionalText(config, 'sort_type', problems)?.toLowerCase();
  if (type !== undefined && !SORT_TYPES.includes(type)) problems.push(`sort_type='${type}' is not one of ${SORT_TYPES.join(', ')}`);
  if (sort === undefined || sort === null) {
    if (type !== undefined) problems.push('sort_type is set but sort is not: name the sort key columns with sort=');
    return '';
  }
  const columns = Array.isArray(sort) ? sort : [sort];
  if (columns.length === 0 || !columns.every((c) => typeof c === 'string' && c !== '')) {
    problems.push("sort must be a column name or a list of them, e.g. sort=['start_time']");
    return '';
  }
  const prefix = type && SORT_TYPES.includes(type) ? `${type.toUpperCase()} ` : '';
  return `${prefix}SORTKEY(${(columns as string[]).map(quoteIdentifier).join(', ')})`;
}

function optionalText(config: Record<string, unknown>, key: string, problems: string[]): string | undefined {
  const value = config[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && value !== '') return value;
  problems.push(`${key} must be a non-empty string, got ${JSON.stringify(value)}`);
  return undefined;
}

function diagnostic(model: ModelNode, message: string): Diagnostic {
  return {
    code: BAD_TABLE_ATTRIBUTE,
    message: `${message} (config of model ${model.name}, read for Redshift)`,
    location: { file: model.path },
    node: model.id,
    hint: "e.g. config(dist='start_time', sort='start_time') or config(diststyle='all'); see CREATE TABLE AS in the Redshift docs",
  };
}
