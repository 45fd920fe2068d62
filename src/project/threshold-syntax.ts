/** The syntax of dbt's warn_if / error_if: a comparison with a non-negative integer (`!= 0`, `> 10`). */

const THRESHOLD = /^\s*(==|=|!=|<>|>=|<=|>|<)\s*(\d+)\s*$/;

/** `>10` → `> 10`; undefined when the text is not `<operator> <non-negative integer>`. */
export function parseThreshold(text: string): string | undefined {
  const match = THRESHOLD.exec(text);
  if (!match) return undefined;
  const operator = match[1] === '==' ? '=' : match[1] === '<>' ? '!=' : match[1];
  return `${operator} ${Number(match[2])}`;
}
