/**
 * The SQL pieces both dialects build a snapshot run from: the meta column values of a new row, the
 * key match, "current row" and "changed row" predicates. Pure string building; the dialects order
 * them into statements (src/plan/postgres/snapshot.ts, src/plan/redshift/snapshot.ts).
 */
import { quoteIdentifier, type SqlQuoting } from '../../sql/quote.js';
import type { Statement } from '../../plan/types.js';
import { PlanErrors } from '../../plan/error-codes.js';
import type { SnapshotNode } from '../../manifest/snapshot-node.js';

/** What differs between engines in these pieces. */
export interface SnapshotDialect {
  /** The run's timestamp: the same value in every statement of the transaction. */
  now: string;
  /** A null-safe "a differs from b". */
  differs(a: string, b: string): string;
  /** The engine's quoting (Redshift keeps names up to 127 bytes). */
  quoting: SqlQuoting;
}

/** The alias of the query's rows in every statement. */
export const SOURCE = quoteIdentifier('source_rows');

/** SQL builders for one snapshot; `stored` is how statements name the rows of the snapshot table. */
export class SnapshotSql {
  readonly target: string;
  readonly meta;

  constructor(readonly node: SnapshotNode, readonly dialect: SnapshotDialect, readonly stored: string) {
    this.target = dialect.quoting.relation(node.relation);
    const m = node.config.metaColumns;
    this.meta = {
      scdId: dialect.quoting.identifier(m.scdId), updatedAt: dialect.quoting.identifier(m.updatedAt), validFrom: dialect.quoting.identifier(m.validFrom),
      validTo: dialect.quoting.identifier(m.validTo), isDeleted: dialect.quoting.identifier(m.isDeleted),
    };
  }

  /** The query, without a trailing `;`, ready to go inside parentheses. */
  get query(): string {
    return this.node.compiledSql.trim().replace(/;+$/, '');
  }

  get newRecord(): boolean {
    return this.node.config.hardDeletes === 'new_record';
  }

  /** `valid_from` of a new version of a source row: its updated_at, or the run's time (check strategy). */
  updatedValue(rows = SOURCE): string {
    const { config } = this.node;
    return config.strategy === 'timestamp' ? `${rows}.${this.dialect.quoting.identifier(config.updatedAt!)}` : this.dialect.now;
  }

  /** dbt's scd id: md5 of the key and the updated value, each cast to text, `|`-separated. */
  scdId(rows: string, updated: string): string {
    const parts = [...this.node.config.uniqueKey.map((k) => `${rows}.${this.dialect.quoting.identifier(k)}`), updated];
    return `md5(${parts.map((p) => `coalesce(cast(${p} as varchar), '')`).join(" || '|' || ")})`;
  }

  /** What a current row holds in valid_to, typed like valid_from (a CASE unifies the types). */
  currentValidTo(validFrom: string): string {
    return `CASE WHEN FALSE THEN ${validFrom} ELSE ${this.node.config.validToCurrent ?? 'NULL'} END`;
  }

  /** The meta columns of a new version of a source row: [column name, expression], in table order. */
  metaValues(rows = SOURCE): [string, string][] {
    const updated = this.updatedValue(rows);
    const names = this.node.config.metaColumns;
    const list: [string, string][] = [
      [names.scdId, this.scdId(rows, updated)],
      [names.updatedAt, updated],
      [names.validFrom, updated],
      [names.validTo, this.currentValidTo(updated)],
    ];
    if (this.newRecord) list.push([names.isDeleted, 'FALSE']);
    return list;
  }

  /** metaValues as `expression AS "name"` lines of a select list. */
  metaSelect(rows = SOURCE): string[] {
    return this.metaValues(rows).map(([name, expression]) => `${expression} AS ${this.dialect.quoting.identifier(name)}`);
  }

  /** The unique key of `a` equals the one of `b` (a NULL key matches nothing, as in dbt). */
  keyMatch(a: string, b: string): string {
    return this.node.config.uniqueKey.map((k) => `${a}.${this.dialect.quoting.identifier(k)} = ${b}.${this.dialect.quoting.identifier(k)}`).join(' AND ');
  }

  /** The stored row is the current version of its key. */
  isCurrent(rows = this.stored): string {
    const current = this.node.config.validToCurrent;
    return current === undefined ? `${rows}.${this.meta.validTo} IS NULL` : `(${rows}.${this.meta.validTo} IS NULL OR ${rows}.${this.meta.validTo} = ${current})`;
  }

  /** The stored row is not a deletion record (new_record only; a NULL counts as not deleted). */
  notDeleted(rows = this.stored): string {
    return `coalesce(${rows}.${this.meta.isDeleted}, FALSE) = FALSE`;
  }

  /** The source row differs from the stored one, by the strategy; `all` is the dialect's (it needs the columns). */
  changed(allColumns?: string): string {
    const { config } = this.node;
    if (config.strategy === 'timestamp') return `${this.updatedValue()} > ${this.stored}.${this.meta.updatedAt}`;
    if (config.checkCols === 'all') return allColumns!;
    return config.checkCols!.map((c) => this.dialect.differs(`${SOURCE}.${this.dialect.quoting.identifier(c)}`, `${this.stored}.${this.dialect.quoting.identifier(c)}`)).join('\n    OR ');
  }

  /** Fails the node when the query returns a unique_key value twice, or NULL: the history would be ambiguous. */
  keyCheck(batch: string): Statement {
    const keys = this.node.config.uniqueKey;
    const columns = keys.map((k) => this.dialect.quoting.identifier(k)).join(', ');
    const name = keys.join(', ');
    return {
      sql: `-- check: stops the build if the query returns a unique_key (${name}) that is NULL or occurs more than once\n`
        + `SELECT ${columns}, count(*) AS "rows"\nFROM ${batch}\nGROUP BY ${columns}\n`
        + `HAVING count(*) > 1 OR ${keys.map((k) => `${this.dialect.quoting.identifier(k)} IS NULL`).join(' OR ')}\nLIMIT 1`,
      check: {
        code: PlanErrors.snapshotDuplicateKey,
        message: `the query of snapshot ${this.node.name} returns a unique_key (${name}) that is NULL or occurs more than once`,
        hint: 'a snapshot keeps one history per key: make the query return one row per key (e.g. row_number() over (partition by the key) = 1), or change unique_key',
      },
    };
  }
}
