/**
 * dbt's `freshness:` block (docs: reference/resource-properties/freshness): warn_after and error_after
 * as `{count, period}`, and `filter`. A table's block is merged over its source's one key deep, as
 * dbt-core's merge_freshness does; `freshness: null` on a table unsets it.
 */
import { FRESHNESS_PERIODS, type FreshnessSpec, type FreshnessThreshold } from '../../manifest/freshness.js';
import { assignDefined } from '../../config/assign-defined.js';
import type { MapReader } from '../../config/map-reader.js';
import { integer, nonEmptyText, oneOf } from '../../config/value-kinds.js';

/** What a `freshness` key holds: absent (inherit), null (unset) or a block. */
export type FreshnessValue = { kind: 'absent' } | { kind: 'null' } | { kind: 'block'; spec: FreshnessSpec };

/** Reads `freshness` of `owner` (a source, a table, or their `config:`). */
export function readFreshness(owner: MapReader | undefined): FreshnessValue {
  if (!owner || !owner.keys().includes('freshness')) return { kind: 'absent' };
  if (!owner.has('freshness')) return { kind: 'null' };
  const block = owner.child('freshness', `freshness of ${owner.what}`);
  if (!block) return { kind: 'absent' };
  block.checkKeys(['warn_after', 'error_after', 'filter']);
  const spec: FreshnessSpec = {};
  assignDefined(spec, {
    warnAfter: readThreshold(block, 'warn_after'),
    errorAfter: readThreshold(block, 'error_after'),
    filter: block.get('filter', nonEmptyText),
  });
  return { kind: 'block', spec };
}

function readThreshold(block: MapReader, key: string): FreshnessThreshold | undefined {
  const reader = block.child(key, `${key} of ${block.what}`);
  if (!reader) return undefined;
  reader.checkKeys(['count', 'period']);
  const count = reader.require('count', integer(1), 'e.g. `count: 12`');
  const period = reader.require('period', oneOf(FRESHNESS_PERIODS), 'minute, hour or day');
  return count === undefined || period === undefined ? undefined : { count, period };
}

/** The later value wins where it says something: null unsets, absent inherits, a block merges over. */
export function mergeFreshness(base: FreshnessSpec | undefined, update: FreshnessValue): FreshnessSpec | undefined {
  if (update.kind === 'absent') return base;
  if (update.kind === 'null') return undefined;
  if (!base) return update.spec;
  const merged: FreshnessSpec = { ...base, ...update.spec };
  assignDefined(merged, {
    warnAfter: mergeThreshold(base.warnAfter, update.spec.warnAfter),
    errorAfter: mergeThreshold(base.errorAfter, update.spec.errorAfter),
  });
  return merged;
}

function mergeThreshold(base: FreshnessThreshold | undefined, update: FreshnessThreshold | undefined): FreshnessThreshold | undefined {
  return update ?? base;
}
