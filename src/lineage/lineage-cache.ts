/**
 * Lineage of earlier runs, to skip the nodes that did not change: a node's lineage depends only on
 * its SQL and on what each relation name it looked up resolved to (which node, with which columns),
 * so an entry is reused when the SQL hash and every recorded lookup still agree. The caller keeps
 * the cache between runs (as JSON); computeLineage reads and refreshes it.
 */
import { createHash } from 'node:crypto';
import type { NodeLineage } from './types.js';

/** Bumped when the engine's output for the same SQL may change, which empties older caches. */
export const LINEAGE_CACHE_VERSION = 1;

/** Everything a cached node's lineage was computed from, and the lineage. */
export interface CachedLineage {
  sqlHash: string;
  /** `relation` lookups: [schema, name, node id or null, that node's shape signature]; `cte` lookups: [name, ephemeral node id or null]. */
  lookups: Lookup[];
  lineage: NodeLineage;
}

/** One name the resolver looked up while resolving a node. */
export type Lookup = ['relation', string, string, string | null, string | null] | ['cte', string, string | null];

/** The cache kept between runs, by node id. */
export interface LineageCache {
  version: number;
  nodes: Record<string, CachedLineage>;
}

/** An empty cache. */
export function emptyLineageCache(): LineageCache {
  return { version: LINEAGE_CACHE_VERSION, nodes: {} };
}

/** The hash a node's SQL is cached under. */
export function sqlHash(sql: string): string {
  return createHash('sha1').update(sql).digest('hex');
}

/** A short signature of a shape spec: equal signatures, equal shapes. */
export function shapeSignature(spec: unknown): string {
  return createHash('sha1').update(JSON.stringify(spec)).digest('base64');
}
