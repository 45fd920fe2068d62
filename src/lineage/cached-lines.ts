/**
 * One computeLineage run's use of a LineageCache: reuses an entry whose SQL hash and lookups still
 * hold, records the lookups of every node it computes, and writes the refreshed entries back.
 */
import type { CachedLineage, LineageCache, Lookup } from './lineage-cache.js';
import { LINEAGE_CACHE_VERSION, shapeSignature, sqlHash } from './lineage-cache.js';
import { shapeSpecOf } from './node-lineage.js';
import type { LookupListener, RelationIndex, RelationLookup } from './relation-index.js';
import { relationLookup } from './relation-index.js';
import type { LineageInputNode, NodeLineage } from './types.js';

/** The cache of one run. */
export class CachedLines {
  /** Passed to projectRelations: records what the node being computed looks up. */
  readonly listener: LookupListener;
  private readonly previous: Record<string, CachedLineage>;
  private readonly next: Record<string, CachedLineage> = {};
  private readonly signatures = new Map<string, string>();
  private readonly lookup: RelationLookup;
  private recording: Lookup[] | undefined;

  constructor(private readonly cache: LineageCache, index: RelationIndex, private readonly lineageOf: (id: string) => NodeLineage) {
    this.previous = cache.version === LINEAGE_CACHE_VERSION ? cache.nodes : {};
    this.lookup = relationLookup(index);
    this.listener = {
      relation: (schema, name, id) => this.recording?.push(['relation', schema, name, id ?? null, id === undefined ? null : this.signatureOf(id)]),
      cte: (name, id) => this.recording?.push(['cte', name, id ?? null]),
    };
  }

  /** The node's cached lineage if it still holds, else `compute()`'s, recorded. */
  lineage(node: LineageInputNode, compute: () => NodeLineage): NodeLineage {
    const hash = sqlHash(node.sql!);
    const entry = this.previous[node.id];
    if (entry && entry.sqlHash === hash && entry.lookups.every((l) => this.holds(l))) {
      this.next[node.id] = entry;
      return entry.lineage;
    }
    const outer = this.recording;
    this.recording = [];
    const lineage = compute();
    const lookups = [...new Map(this.recording.map((l) => [JSON.stringify(l), l])).values()];
    this.recording = outer;
    this.next[node.id] = { sqlHash: hash, lookups, lineage };
    return lineage;
  }

  /** Replaces the cache's entries with this run's, in id order (nodes gone are dropped). */
  store(): void {
    this.cache.version = LINEAGE_CACHE_VERSION;
    this.cache.nodes = Object.fromEntries(Object.keys(this.next).sort().map((id) => [id, this.next[id]]));
  }

  private holds(lookup: Lookup): boolean {
    if (lookup[0] === 'cte') return (this.lookup.ephemeralOf(lookup[1]) ?? null) === lookup[2];
    const id = this.lookup.idOf(lookup[1], lookup[2]) ?? null;
    return id === lookup[3] && (id === null || this.signatureOf(id) === lookup[4]);
  }

  private signatureOf(id: string): string {
    let signature = this.signatures.get(id);
    if (signature === undefined) this.signatures.set(id, (signature = shapeSignature(shapeSpecOf(this.lineageOf(id)))));
    return signature;
  }
}
