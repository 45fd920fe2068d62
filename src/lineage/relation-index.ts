/**
 * Which node builds which relation, and which CTE names inline ephemeral models: what a SELECT
 * needs to know of the project to resolve the relations it names. Shared by the sequential engine
 * and the worker threads of the parallel one.
 */
import type { ProjectRelations } from './relation-shapes.js';
import type { Shape } from './shape.js';
import type { LineageInput } from './types.js';

/** Relations and ephemeral CTE names of a project, as plain data (it is sent to worker threads). */
export interface RelationIndex {
  /** `schema\0identifier` → node id, for nodes that build a relation. */
  relations: Array<[string, string]>;
  /** CTE name → ephemeral model's node id. */
  ephemeral: Array<[string, string]>;
  searchPath: string[];
}

/** The relation index of a lineage input. */
export function indexRelations(input: LineageInput): RelationIndex {
  const relations: Array<[string, string]> = [];
  const ephemeral: Array<[string, string]> = [];
  for (const node of input.nodes) {
    if (node.inlinedAs !== undefined) ephemeral.push([node.inlinedAs, node.id]);
    else if (node.relation) relations.push([relationKey(node.relation.schema, node.relation.identifier), node.id]);
  }
  return { relations, ephemeral, searchPath: input.searchPath ?? ['public'] };
}

/** What resolve-select needs of the project, with each node's shape from `shapeOfNode`. */
export function projectRelations(index: RelationIndex, shapeOfNode: (id: string) => Shape): ProjectRelations {
  const byRelation = new Map(index.relations);
  const ephemeral = new Map(index.ephemeral);
  return {
    nodeShape: (schema, name) => {
      const id = byRelation.get(relationKey(schema, name));
      return id === undefined ? undefined : shapeOfNode(id);
    },
    searchPath: index.searchPath,
    ephemeralNode: (name) => ephemeral.get(name),
  };
}

function relationKey(schema: string, identifier: string): string {
  return `${schema}\u0000${identifier}`;
}
