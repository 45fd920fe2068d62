/**
 * Which columns of a `jsonpaths: auto` load never found their key. Redshift's COPY loads NULL into
 * such a column without a word ("If a column is included in the column list and COPY does not find
 * a matching field in the JSON data, then COPY attempts to load NULL to the column",
 * copy-parameters-data-format.html); the loader loads the same NULLs, then warns, naming the key
 * that was probably meant (`sessionId` for column `sessionid` under case-sensitive `auto`).
 */
import { closestName, type Diagnostic } from '../diagnostics.js';
import type { ColumnSpec } from '../manifest/column-spec.js';
import { LoadErrors } from './error-codes.js';
import type { JsonObject, ValueSource } from './value-source.js';

/** Records whose keys are kept for suggestions: the keys of a data set show in its first records. */
const SAMPLED_RECORDS = 100;
/** Distinct keys kept at most (records with many different keys must not grow memory). */
const SAMPLED_KEYS = 1000;

/** Tracks the columns of one load, by wrapping each column's value source. */
export class AutoKeys {
  private readonly matched: boolean[] = [];
  private readonly keys = new Set<string>();
  private sampled = 0;
  private records = 0;

  constructor(private readonly columns: readonly ColumnSpec[]) {}

  /** `source`, reading column `k`, noting whether it ever found a key (a JSON null counts: the key is there). */
  track(k: number, source: ValueSource): ValueSource {
    this.matched[k] = false;
    return {
      get: (record) => {
        if (k === 0) this.records++;
        const value = source.get(record);
        if (value !== undefined) this.matched[k] = true;
        else if (!this.matched[k]) this.sample(record);
        return value;
      },
      pathIn: (record) => source.pathIn(record),
    };
  }

  /**
   * Whether the byte path (flat-records.ts) may take a record whose columns have these kinds
   * (0: no key): not while a column that never matched lacks its key and keys are still sampled,
   * since sampling reads the parsed record.
   */
  takeFlat(kinds: Uint8Array): boolean {
    if (this.sampled >= SAMPLED_RECORDS) return true;
    for (let k = 0; k < kinds.length; k++) if (kinds[k] === 0 && !this.matched[k]) return false;
    return true;
  }

  /** Notes a record the byte path took, as `track`'s sources note one read from a parsed record. */
  noteFlat(kinds: Uint8Array): void {
    this.records++;
    for (let k = 0; k < kinds.length; k++) if (kinds[k] !== 0) this.matched[k] = true;
  }

  /** SPK305 for each column no key matched in any record, at its line in sources.yml; none when no record was read. */
  warnings(table: { sourceName: string; name: string }): Diagnostic[] {
    if (this.records === 0) return [];
    return this.columns.flatMap((column, k) => {
      if (this.matched[k] !== false) return [];
      const closest = closestName(column.name, this.keys);
      return [{
        code: LoadErrors.unmatchedColumn,
        message: `column ${column.name} of source ${table.sourceName}.${table.name} matched no JSON key in any record, so it loaded as NULL`
          + (closest ? `; the closest key is '${closest}'` : ''),
        location: { file: column.position.file, line: column.position.line, column: column.position.column },
        node: `source.${table.sourceName}.${table.name}`,
        hint: closest && closest.toLowerCase() === column.name.toLowerCase()
          ? `jsonpaths: auto matches keys case-sensitively, as Redshift's COPY does: write \`jsonpaths: auto ignorecase\`, or map '${closest}' in a JSONPaths file`
          : 'rename the column after the key, or map the key to it in a JSONPaths file',
      }];
    });
  }

  private sample(record: JsonObject): void {
    if (this.sampled >= SAMPLED_RECORDS) return;
    this.sampled++;
    for (const key of Object.keys(record)) if (this.keys.size < SAMPLED_KEYS) this.keys.add(key);
  }
}
