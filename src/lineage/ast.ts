/**
 * Small helpers over libpg_query's JSON parse tree, where every node is `{ Kind: { ...fields } }`.
 */
import type { Node } from 'libpg-query';

/** A node's kind and fields: `{ ColumnRef: {...} }` → ['ColumnRef', {...}]. */
export function unwrap(node: Node | undefined): [string, Record<string, unknown>] | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const kind = Object.keys(node)[0];
  return kind === undefined ? undefined : [kind, (node as unknown as Record<string, Record<string, unknown>>)[kind]];
}

/** The fields of a node when it is of `kind`. */
export function as<T>(node: Node | undefined, kind: string): T | undefined {
  const entry = unwrap(node);
  return entry && entry[0] === kind ? (entry[1] as T) : undefined;
}

/** The string of a `{ String: { sval } }` node (identifiers in names and field lists). */
export function stringValue(node: Node | undefined): string | undefined {
  return as<{ sval?: string }>(node, 'String')?.sval ?? (as(node, 'String') ? '' : undefined);
}

/** The strings of a list of String nodes (a qualified name, an alias's column names). */
export function stringList(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).map((n) => stringValue(n) ?? '');
}

/** The last part of a qualified name (`pg_catalog.count` → `count`). */
export function lastName(nodes: Node[] | undefined): string {
  const names = stringList(nodes);
  return names[names.length - 1] ?? '';
}
