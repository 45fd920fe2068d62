/**
 * How a SELECT sees the relations it names: a CTE of its WITH clauses, else a node of the project
 * (looked up by schema and name, an unqualified name through the search path), else a relation
 * nothing is known of.
 */
import type { RangeVar } from 'libpg-query';
import type { Shape } from './shape.js';
import { unknownShape } from './shape.js';
import { quoteName } from './scope.js';

/** What the resolver knows of the project: the shape of each node's relation, and the ephemeral CTEs. */
export interface ProjectRelations {
  /** The shape of the node building `schema.name`, or undefined when none does. */
  nodeShape(schema: string, name: string): Shape | undefined;
  /** The schemas an unqualified name is looked up in, in order. */
  searchPath: string[];
  /** The node id of the ephemeral model inlined as the CTE `name`, if it is one. */
  ephemeralNode(name: string): string | undefined;
}

/** The shape of a relation named in FROM that is not a CTE. */
export function relationShape(range: RangeVar, project: ProjectRelations): Shape {
  const name = range.relname ?? '';
  const schemas = range.schemaname !== undefined ? [range.schemaname] : project.searchPath;
  for (const schema of schemas) {
    const shape = project.nodeShape(schema, name);
    if (shape) return shape;
  }
  const written = [range.schemaname, name].filter((part) => part !== undefined).map((part) => quoteName(part!)).join('.');
  return unknownShape(`${written} is not a node of the project, so its columns are unknown`);
}
