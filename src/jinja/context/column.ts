/**
 * dbt's Column, as `adapter.get_columns_in_relation(relation)` returns them: `name`/`column`,
 * `data_type`/`dtype`, `quoted`, and the type predicates packages use to pick columns
 * (`is_string()`, `is_number()`, `is_integer()`, `is_float()`, `is_numeric()`).
 */
import { quoteIdentifier } from '../../sql/quote.js';

/** What the warehouse says about one column of a relation. */
export interface ColumnDescription {
  name: string;
  /** The type as the catalog spells it, e.g. `character varying(16)`, `integer`. */
  dataType: string;
}

const STRING = /^(character varying|varchar|character|char|text|string|bpchar|citext)\b/i;
const INTEGER = /^(smallint|integer|bigint|int2|int4|int8|int|serial|bigserial)\b/i;
const FLOAT = /^(real|double precision|float4|float8|float)\b/i;
const NUMERIC = /^(numeric|decimal)\b/i;

/** A column of a relation. */
export class Column {
  constructor(private readonly description: ColumnDescription) {}
  get name(): string { return this.description.name; }
  get column(): string { return this.description.name; }
  get data_type(): string { return this.description.dataType; }
  get dtype(): string { return this.description.dataType; }
  get quoted(): string { return quoteIdentifier(this.description.name); }
  is_string(): boolean { return STRING.test(this.data_type); }
  is_integer(): boolean { return INTEGER.test(this.data_type); }
  is_float(): boolean { return FLOAT.test(this.data_type); }
  is_numeric(): boolean { return NUMERIC.test(this.data_type); }
  is_number(): boolean { return this.is_integer() || this.is_float() || this.is_numeric(); }
  string_size(): number | null { return Number(/\((\d+)\)/.exec(this.data_type)?.[1] ?? NaN) || null; }
  toString(): string { return this.name; }
  __repr__(): string { return `<Column ${this.name} (${this.data_type})>`; }
}
