/**
 * Orders ids by UTF-16 code units. Unlike localeCompare it does not depend on the machine's
 * locale, so orders (and therefore artifacts) are byte-identical everywhere.
 */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
