/**
 * A seed on Redshift: there is no COPY FROM STDIN to stream a local file into, so the plan carries
 * the CSV rows (parsed at compile time, SeedNode.rows) as multi-row INSERT ... VALUES statements
 * into the side table, which is then swapped in like a table model.
 */
import { SparkifyError, type Diagnostic } from '../../diagnostics.js';
import { RedshiftErrors } from './error-codes.js';
import { ValueError } from '../../load/values/value-error.js';
import type { SeedNode, SeedRow } from '../../manifest/seed-node.js';
import type { Relation } from '../../sql/quote.js';
import { quoteIdentifier, quoteRelation } from './redshift-quoting.js';
import type { Statement } from '../../plan/types.js';
import { literalEncoder, redshiftSeedType, type LiteralEncoder } from './seed-literals.js';

/** Code of a seed value that does not fit its column (or a row too long for one statement). */
export const SEED_VALUE_CODE = RedshiftErrors.seedValue;

/** How much one INSERT may hold. */
export interface BatchLimits {
  bytes: number;
  rows: number;
}

/**
 * A single Redshift statement may be 16 MB at most
 * (https://docs.aws.amazon.com/redshift/latest/dg/c_redshift-sql.html; quotas:
 * https://docs.aws.amazon.com/redshift/latest/mgmt/amazon-redshift-limits.html). Half of it leaves
 * room for MB-versus-MiB and the statement's own text; 10,000 rows is dbt's seed batch size.
 */
export const INSERT_LIMITS: BatchLimits = { bytes: 8_000_000, rows: 10_000 };

/** Bad values reported per seed: enough to see the pattern. */
const MAX_PROBLEMS = 10;

/** CREATE TABLE `fresh` with the seed's columns, then its rows in batches. Throws SPK356 for values that do not fit. */
export function seedStatements(seed: SeedNode, fresh: Relation, limits: BatchLimits = INSERT_LIMITS): Statement[] {
  // Compile keeps the rows for a redshift target; without them the manifest was compiled for another.
  if (!seed.rows) throw new Error(`seed '${seed.name}' was compiled without its rows, which a Redshift plan needs`);
  const rows = seed.rows;
  const types = seed.columns.map((column, i) => redshiftSeedType(column, rows, i));
  const columns = seed.columns.map((c, i) => `${quoteIdentifier(c.name)} ${types[i]}`).join(',\n  ');
  const tuples = encodeRows(seed, rows, types.map(literalEncoder));
  const head = `INSERT INTO ${quoteRelation(fresh)} (${seed.columns.map((c) => quoteIdentifier(c.name)).join(', ')}) VALUES\n  `;
  return [
    { sql: `CREATE TABLE ${quoteRelation(fresh)} (\n  ${columns}\n)` },
    ...batches(seed, rows, tuples, head, limits).map(({ first, last, text }) => ({
      sql: `-- rows: lines ${rows[first].line}-${rows[last].line} of ${seed.path}`.replace(/\n/g, ' ') + `\n${head}${text}`,
      reportsRows: true,
    })),
  ];
}

/** Each row as `(literal, ...)`; every value that does not fit is reported at its line. */
function encodeRows(seed: SeedNode, rows: readonly SeedRow[], encoders: LiteralEncoder[]): string[] {
  const problems: Diagnostic[] = [];
  const tuples = rows.map((row) => {
    const literals = row.values.map((value, i) => {
      try {
        return encoders[i](value);
      } catch (error) {
        if (!(error instanceof ValueError)) throw error;
        const column = seed.columns[i];
        if (problems.length < MAX_PROBLEMS) problems.push(problem(seed, row.line, `column "${column.name}" (${column.type}): ${error.message}`));
        return '';
      }
    });
    return `(${literals.join(', ')})`;
  });
  if (problems.length > 0) throw new SparkifyError(problems);
  return tuples;
}

/** Consecutive rows grouped so that no statement passes the limits. */
function batches(seed: SeedNode, rows: readonly SeedRow[], tuples: string[], head: string, limits: BatchLimits): { first: number; last: number; text: string }[] {
  const out: { first: number; last: number; text: string }[] = [];
  const budget = limits.bytes - Buffer.byteLength(head) - 200; // the comment line
  let first = 0;
  let size = 0;
  for (let i = 0; i < tuples.length; i++) {
    const bytes = Buffer.byteLength(tuples[i]) + 4; // ",\n  "
    if (bytes > budget) throw new SparkifyError(problem(seed, rows[i].line, `the row is ${bytes} bytes as SQL, more than one INSERT may hold (${limits.bytes} bytes)`));
    if (i > first && (size + bytes > budget || i - first >= limits.rows)) {
      out.push({ first, last: i - 1, text: tuples.slice(first, i).join(',\n  ') });
      [first, size] = [i, 0];
    }
    size += bytes;
  }
  if (tuples.length > first) out.push({ first, last: tuples.length - 1, text: tuples.slice(first).join(',\n  ') });
  return out;
}

function problem(seed: SeedNode, line: number, message: string): Diagnostic {
  return {
    code: SEED_VALUE_CODE,
    message: `seed '${seed.name}' cannot be loaded on Redshift: ${message}`,
    location: { file: seed.path, line },
    node: seed.id,
    hint: 'fix the value in the CSV file, or declare a type that holds it: seeds: <name>: column_types: in project.yml',
  };
}
