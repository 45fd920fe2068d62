/**
 * JSON to place inside `<script type="application/json">`. Every `<` becomes `\u003c`, so no text
 * of the data (a description holding `</script>` or `<!--`) can end or alter the script element,
 * and U+2028/U+2029 are escaped for older JavaScript parsers; JSON.parse reads them back unchanged.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text placed inside a `<script>` or `<style>` element: `</` cannot close it early. */
export function embedScript(text: string): string {
  return text.replace(/<\/(script|style)/gi, '<\\/$1');
}
