/**
 * A copy of a JSON-like value with every string passed through `scrub`, so a secret is removed
 * before JSON escaping could change how it is spelled (a password holding `"` or `\`).
 */
export function scrubDeep<T>(value: T, scrub: (text: string) => string): T {
  if (typeof value === 'string') return scrub(value) as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item, scrub)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item, scrub)])) as T;
  }
  return value;
}
