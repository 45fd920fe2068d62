import type { DbtDoc } from '../artifacts/dbt-manifest.js';

// `{{ doc('name') }}` or `{{ doc("package", "name") }}`, as dbt's schema files reference docs blocks.
const DOC_CALL = /\{\{-?\s*doc\(\s*(['"])([^'"]+)\1\s*(?:,\s*(['"])([^'"]+)\3\s*)?\)\s*-?\}\}/g;

/**
 * Replaces doc() references in a description with their `{% docs %}` block. dbt resolves them when
 * it parses, so a dbt manifest has none left; sparkify's may, and an unknown name is reported.
 */
export function resolveDocReferences(text: string, docs: Record<string, DbtDoc>, missing: (name: string) => void): string {
  if (!text.includes('doc(')) return text;
  return text.replace(DOC_CALL, (call, _q1: string, first: string, _q3: string, second: string | undefined) => {
    const [packageName, name] = second === undefined ? [undefined, first] : [first, second];
    const found = Object.values(docs).find((doc) => doc.name === name && (packageName === undefined || doc.package_name === packageName));
    if (found) return found.block_contents;
    missing(packageName ? `${packageName}.${name}` : name);
    return `*(missing docs block \`${name}\`)*`;
  });
}
