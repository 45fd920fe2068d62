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

/** Who builds a relation, and which ephemeral model a CTE name inlines. */
export interface RelationLookup {
  idOf(schema: string, name: string): string | undefined;
  ephemeralOf(name: string): string | undefined;
}

/** The lookups of an index. */
export function relationLookup(index: RelationIndex): RelationLookup {
  const byRelation = new Map(index.relations);
  const ephemeral = new Map(index.ephemeral);
  return { idOf: (schema, name) => byRelation.get(relationKey(schema, name)), ephemeralOf: (name) => ephemeral.get(name) };
}

/** Told of every name the resolver looks up (the lineage cache records them). */
export interface LookupListener {
  relation(schema: string, name: string, id: string | undefined): void;
  cte(name: string, id: string | undefined): void;
}

/** What resolve-select needs of the project, with each node's shape from `shapeOfNode`. */
export function projectRelations(index: RelationIndex, shapeOfNode: (id: string) => Shape, listener?: LookupListener): ProjectRelations {
  const lookup = relationLookup(index);
  return {
    nodeShape: (schema, name) => {
      const id = lookup.idOf(schema, name);
      listener?.relation(schema, name, id);
      return id === undefined ? undefined : shapeOfNode(id);
    },
    searchPath: index.searchPath,
    ephemeralNode: (name) => {
      const id = lookup.ephemeralOf(name);
      listener?.cte(name, id);
      return id;
    },
  };
}

function relationKey(schema: string, identifier: string): string {
  return `${schema}\u0000${identifier}`;
}
