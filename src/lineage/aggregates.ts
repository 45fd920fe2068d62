/**
 * Which function calls aggregate rows. The parse tree has no catalog, so a call counts as an
 * aggregate when its syntax says so (OVER, FILTER, WITHIN GROUP, DISTINCT or ORDER BY in the
 * arguments, `count(*)`) or its name is one of PostgreSQL's and Redshift's built-in aggregates.
 * A user-defined aggregate called plainly reads as a transform.
 */
import type { FuncCall } from 'libpg-query';
import { lastName } from './ast.js';

const AGGREGATE_NAMES = new Set([
  // PostgreSQL: general-purpose, statistical, ordered-set and hypothetical-set aggregates.
  'any_value', 'array_agg', 'avg', 'bit_and', 'bit_or', 'bit_xor', 'bool_and', 'bool_or', 'count', 'every',
  'json_agg', 'json_agg_strict', 'jsonb_agg', 'jsonb_agg_strict', 'json_object_agg', 'json_object_agg_strict',
  'json_object_agg_unique', 'json_object_agg_unique_strict', 'jsonb_object_agg', 'jsonb_object_agg_strict',
  'jsonb_object_agg_unique', 'jsonb_object_agg_unique_strict', 'max', 'min', 'range_agg', 'range_intersect_agg',
  'string_agg', 'sum', 'xmlagg', 'corr', 'covar_pop', 'covar_samp', 'regr_avgx', 'regr_avgy', 'regr_count',
  'regr_intercept', 'regr_r2', 'regr_slope', 'regr_sxx', 'regr_sxy', 'regr_syy', 'stddev', 'stddev_pop',
  'stddev_samp', 'variance', 'var_pop', 'var_samp', 'mode', 'percentile_cont', 'percentile_disc',
  // Redshift.
  'listagg', 'median', 'approximate_percentile_disc',
]);

/** Whether a call aggregates (or, with OVER, is a window function). */
export function isAggregateCall(call: FuncCall): boolean {
  if (call.over || call.agg_star || call.agg_distinct || call.agg_filter || call.agg_within_group || call.agg_order?.length) return true;
  return AGGREGATE_NAMES.has(lastName(call.funcname));
}
