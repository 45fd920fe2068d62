import type { NodeLineage } from '../../lineage/types.js';
import { resolveNodeRef } from '../site/resolve-node-ref.js';
import type { SiteData, SiteNode } from '../site/site-data.js';

/** Resource types drawn in the table-lineage DAG (tests join only when asked for). */
export const DAG_TYPES = new Set(['model', 'source', 'seed', 'snapshot', 'analysis']);

/** The page's data with the lookups every view needs. */
export class DocsIndex {
  readonly byId = new Map<string, SiteNode>();
  private readonly byName = new Map<string, string>();

  constructor(readonly data: SiteData) {
    for (const node of data.nodes) this.byId.set(node.id, node);
    // Later types win a shared name only if nothing claimed it: models before seeds before sources.
    for (const node of [...data.nodes].sort((a, b) => typeWeight(a) - typeWeight(b))) {
      if (node.type === 'source' && !this.byName.has(node.label)) this.byName.set(node.label, node.id);
      if (!this.byName.has(node.name)) this.byName.set(node.name, node.id);
    }
  }

  /** The node of an id (undefined for an unknown one). */
  node(id: string): SiteNode | undefined {
    return this.byId.get(id);
  }

  /**
   * The node a lineage reference names. The contract uses unique ids; a producer that writes
   * sparkify's short ids (`model.songplays`, `source.sparkify.staging_events`) or bare names works too.
   */
  resolve(ref: string): string | undefined {
    return resolveNodeRef(ref, this.data.project.name, (id) => this.byId.has(id), (name) => this.byName.get(name));
  }

  /** The column lineage of a node. */
  lineage(id: string): NodeLineage | undefined {
    return this.data.lineage[id];
  }
}

function typeWeight(node: SiteNode): number {
  return ['model', 'snapshot', 'seed', 'source'].indexOf(node.type) + 1 || 9;
}
