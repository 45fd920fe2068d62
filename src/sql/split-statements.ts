/**
 * Splits SQL text into its statements at the semicolons outside quotes, dollar quotes and comments
 * (PostgreSQL's lexical rules), so each runs on its own. Statements made only of comments and
 * whitespace are left out.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  while (i < sql.length) {
    const skipped = skipQuoted(sql, i);
    if (skipped > i) {
      i = skipped;
      continue;
    }
    if (sql[i] === ';') {
      statements.push(sql.slice(start, i));
      start = i + 1;
    }
    i++;
  }
  statements.push(sql.slice(start));
  return statements.map((s) => s.trim()).filter((s) => stripComments(s).trim() !== '');
}

/** The index after a quoted string, dollar-quoted body or comment starting at `i`; `i` when none starts there. */
function skipQuoted(sql: string, i: number): number {
  const char = sql[i];
  if (char === "'" || char === '"') return closing(sql, i + 1, char);
  if (sql.startsWith('--', i)) return lineEnd(sql, i);
  if (sql.startsWith('/*', i)) {
    const end = sql.indexOf('*/', i + 2);
    return end < 0 ? sql.length : end + 2;
  }
  const dollar = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 64));
  if (dollar && !/[A-Za-z0-9_]/.test(sql[i - 1] ?? '')) {
    const end = sql.indexOf(dollar[0], i + dollar[0].length);
    return end < 0 ? sql.length : end + dollar[0].length;
  }
  return i;
}

/** After the quote closing a string opened before `i` (a doubled quote stays inside). */
function closing(sql: string, i: number, quote: string): number {
  for (let j = i; j < sql.length; j++) {
    if (sql[j] !== quote) continue;
    if (sql[j + 1] === quote) j++;
    else return j + 1;
  }
  return sql.length;
}

function lineEnd(sql: string, i: number): number {
  const end = sql.indexOf('\n', i);
  return end < 0 ? sql.length : end + 1;
}

function stripComments(sql: string): string {
  return sql.replace(/--[^\n]*/g, '').replace(/\/\*[\s\S]*?\*\//g, '');
}
