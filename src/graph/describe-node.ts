import type { SourceLocation } from '../diagnostics.js';
import type { GraphNode } from './types.js';

/** How a node is named to the user: `users` for a model, `sparkify.staging_events` for a source. */
export function nodeLabel(node: GraphNode): string {
  return node.sourceName === undefined ? node.name : `${node.sourceName}.${node.name}`;
}

/** `users (models/users.sql)`: a label with the file the user should open. */
export function labelWithFile(node: GraphNode): string {
  return `${nodeLabel(node)} (${node.path})`;
}

/** Where a node is declared, for a diagnostic's location. */
export function nodeLocation(node: GraphNode): SourceLocation {
  return node.line === undefined ? { file: node.path } : { file: node.path, line: node.line };
}
