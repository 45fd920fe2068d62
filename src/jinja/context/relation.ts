/**
 * dbt's Relation as templates see it: `api.Relation.create(schema=..., identifier=...)`, what
 * `adapter.get_relation` returns, and `this`/`ref()`/`source()`. It prints as the quoted
 * `"schema"."identifier"` (sparkify works in one database: `database` is kept, never printed).
 * A MarkedRelation (this, ref, source) prints a marker that compile replaces by the final relation
 * once every model is rendered (render-scope.ts), and reads its parts from a resolver.
 */
import { quoteIdentifier } from '../../sql/quote.js';
import { bindArgs } from '../python/call-args.js';
import { isDict } from '../python/values.js';

/** The parts of a relation; any may be missing (`api.Relation.create(identifier='x')`). */
export interface RelationParts {
  database?: string | null;
  schema?: string | null;
  identifier?: string | null;
  /** 'table', 'view', 'cte', ... or null when unknown. */
  type?: string | null;
}

/** A relation templates can print, compare and take apart. */
export class Relation {
  constructor(private readonly given: RelationParts) {}
  /** The parts, resolved (a marked relation looks them up). */
  parts(): RelationParts {
    return this.given;
  }
  get database(): string | null { return this.parts().database ?? null; }
  get schema(): string | null { return this.parts().schema ?? null; }
  get identifier(): string | null { return this.parts().identifier ?? null; }
  get name(): string | null { return this.identifier; }
  get table(): string | null { return this.identifier; }
  get type(): string | null { return this.parts().type ?? null; }
  get is_table(): boolean { return this.type === 'table'; }
  get is_view(): boolean { return this.type === 'view'; }
  get is_cte(): boolean { return this.type === 'cte'; }
  render(): string {
    return [this.schema, this.identifier].filter((part): part is string => typeof part === 'string' && part !== '').map(quoteIdentifier).join('.');
  }
  toString(): string { return this.render(); }
  /** include(database=True, schema=True, identifier=True): the relation with the parts set to false left out. */
  include(...args: unknown[]): Relation {
    const keep = bindArgs('include', args, [['database', true], ['schema', true], ['identifier', true]]);
    const parts = this.parts();
    return new Relation({ ...parts, database: keep.database ? parts.database : null, schema: keep.schema ? parts.schema : null, identifier: keep.identifier ? parts.identifier : null });
  }
  /** incorporate(path={...}, type=...): a copy with some parts replaced. */
  incorporate(...args: unknown[]): Relation {
    const { path, type } = bindArgs('incorporate', args, [['path', null], ['type', null]]);
    const replaced = isDict(path) ? (path as RelationParts) : {};
    return new Relation({ ...this.parts(), ...replaced, ...(type === null ? {} : { type: String(type) }) });
  }
  without_identifier(): Relation { return this.include(true, true, false); }
  quote(): Relation { return this; }
  __eq__(other: unknown): boolean {
    return other instanceof Relation && other.schema === this.schema && other.identifier === this.identifier && other.database === this.database;
  }
  __repr__(): string { return `<Relation ${this.render()}>`; }
}

/** A relation that prints as a marker compile resolves later: `this`, `ref('x')`, `source('s', 't')`. */
export class MarkedRelation extends Relation {
  constructor(private readonly marker: string, private readonly resolve: () => RelationParts) {
    super({});
  }
  override parts(): RelationParts {
    return this.resolve();
  }
  override render(): string {
    return this.marker;
  }
}

/** `api.Relation.create(database=None, schema=None, identifier=None, type=None)`. */
export function createRelation(...args: unknown[]): Relation {
  const parts = bindArgs('Relation.create', args, [['database', null], ['schema', null], ['identifier', null], ['type', null], '**']);
  return new Relation({ database: parts.database as string | null, schema: parts.schema as string | null, identifier: parts.identifier as string | null, type: parts.type as string | null });
}
