import type { SiteNode } from '../site/site-data.js';
import type { DocsIndex } from './docs-index.js';

/** A search hit: the node, why it matched, and its score (higher first). */
export interface SearchHit {
  node: SiteNode;
  score: number;
  /** What matched when it was not the name: `column user_id`, `description`, `tag dimension`. */
  reason?: string;
}

/**
 * Ranks every resource against the query, as dbt's docs search does: names first (exact, prefix,
 * substring), then columns, tags, descriptions and code. Every word of the query must match.
 */
export function search(index: DocsIndex, query: string, limit = 200): SearchHit[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const node of index.data.nodes) {
    let total = 0;
    let reason: string | undefined;
    for (const word of words) {
      const [score, why] = scoreWord(node, word);
      if (score === 0) {
        total = 0;
        break;
      }
      total += score;
      reason ??= why;
    }
    if (total > 0) hits.push({ node, score: total + typeBonus(node), reason });
  }
  return hits.sort((a, b) => b.score - a.score || a.node.label.localeCompare(b.node.label)).slice(0, limit);
}

function scoreWord(node: SiteNode, word: string): [number, string?] {
  const name = node.label.toLowerCase();
  if (node.name.toLowerCase() === word || name === word) return [100];
  if (node.name.toLowerCase().startsWith(word)) return [60];
  if (name.includes(word)) return [40];
  const column = node.columns.find((c) => c.name.toLowerCase().includes(word));
  if (column) return [20, `column ${column.name}`];
  const tag = node.tags.find((t) => t.toLowerCase().includes(word));
  if (tag) return [15, `tag ${tag}`];
  if (node.text.toLowerCase().includes(word)) return [10, 'description'];
  if (node.columns.some((c) => c.text.toLowerCase().includes(word))) return [6, 'column description'];
  if (node.rawCode?.toLowerCase().includes(word)) return [2, 'code'];
  return [0];
}

/** Models and sources before tests and macros when scores tie. */
function typeBonus(node: SiteNode): number {
  return { model: 5, source: 4, seed: 3, snapshot: 3, macro: 1 }[node.type as string] ?? 0;
}
