/**
 * Query results shaped like the agate tables dbt's run_query() and load_result() return:
 * `table.rows` (each row indexable by position or column name, with keys()/values()/items()),
 * `table.columns` (by position or name; `columns[0].values()`, `.name`, `.data_type`),
 * `table.column_names`, `len(table)`, and `print_table()`, which prints nothing here.
 */

/** What the warehouse answered to a query: column names (and types) and rows of values. */
export interface QueryResult {
  columns: { name: string; type?: string }[];
  rows: unknown[][];
}

/** One row: a list of values that also answers to its column names. */
export class AgateRow extends Array<unknown> {
  // map/filter on a row give plain lists, not rows without column names.
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  static from_values(values: unknown[], names: string[]): AgateRow {
    const row = new AgateRow();
    row.push(...values);
    names.forEach((name, i) => {
      if (!(name in row)) Object.defineProperty(row, name, { value: values[i], enumerable: false });
    });
    Object.defineProperty(row, 'names', { value: names, enumerable: false });
    return row;
  }
  private get columnNames(): string[] { return (this as unknown as { names: string[] }).names; }
  override keys(): IterableIterator<number> & string[] { return this.columnNames as unknown as IterableIterator<number> & string[]; }
  override values(): IterableIterator<unknown> & unknown[] { return [...this] as unknown as IterableIterator<unknown> & unknown[]; }
  items(): [string, unknown][] { return this.columnNames.map((name, i) => [name, this[i]]); }
  dict(): Record<string, unknown> { return Object.fromEntries(this.items()); }
  get(key: string, fallback: unknown = null): unknown { const at = this.columnNames.indexOf(key); return at < 0 ? fallback : this[at]; }
}

/** One column: its name, type and values. */
export class AgateColumn {
  constructor(readonly name: string, readonly data_type: string, private readonly cells: unknown[]) {}
  values(): unknown[] { return [...this.cells]; }
  values_distinct(): unknown[] { return [...new Set(this.cells)]; }
  values_without_nulls(): unknown[] { return this.cells.filter((v) => v !== null && v !== undefined); }
  __len__(): number { return this.cells.length; }
}

/** A query's answer as an agate-like table. */
export class AgateTable {
  readonly rows: AgateRow[];
  readonly columns: AgateColumn[] & Record<string, AgateColumn>;
  readonly column_names: string[];
  readonly column_types: string[];

  constructor(result: QueryResult) {
    this.column_names = result.columns.map((c) => c.name);
    this.column_types = result.columns.map((c) => c.type ?? 'text');
    this.rows = result.rows.map((values) => AgateRow.from_values(values, this.column_names));
    const columns = result.columns.map((c, i) => new AgateColumn(c.name, c.type ?? 'text', result.rows.map((row) => row[i])));
    for (const column of [...columns]) if (!(column.name in columns)) Object.defineProperty(columns, column.name, { value: column, enumerable: false });
    this.columns = columns as AgateColumn[] & Record<string, AgateColumn>;
  }

  /** An empty table (what a query answers before it runs). */
  static empty(): AgateTable {
    return new AgateTable({ columns: [], rows: [] });
  }

  print_table(): string { return ''; }
  __len__(): number { return this.rows.length; }
  [Symbol.iterator](): Iterator<AgateRow> { return this.rows[Symbol.iterator](); }
}
