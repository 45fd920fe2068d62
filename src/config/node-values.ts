/** Plain values out of yaml nodes: aliases followed, templated strings rendered, types named for messages. */
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ReadScope } from './read-scope.js';
import { isTemplated } from './render-config.js';

/** Why a value was not accepted; `reported` means a diagnostic was already recorded (a failed template). */
export class Rejection {
  constructor(
    readonly reason: 'type' | 'value' | 'reported',
    /** For `value`: the message tail, e.g. "expected a non-negative integer, got -1". */
    readonly message = '',
    readonly hint?: string,
  ) {}
}

/** Shared rejections that carry no details. */
export const wrongType = new Rejection('type');
export const alreadyReported = new Rejection('reported');

/** The node with aliases (`*name`) replaced by what they point at. */
export function deref(node: unknown, scope: ReadScope): Node | null {
  if (isAlias(node)) return (node.resolve(scope.source.document) as Node | undefined) ?? null;
  return (node as Node | null | undefined) ?? null;
}

/** True for a missing value: `key:` with nothing after it, or `key: null`. */
export function isEmpty(node: Node | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

/** Names a value's type the way messages say it: "got a string". */
export function describe(node: Node | null): string {
  if (isEmpty(node)) return 'nothing';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (!isScalar(node)) return 'an unsupported value';
  const type = typeof node.value;
  if (type === 'string') return 'a string';
  if (type === 'number' || type === 'bigint') return 'a number';
  if (type === 'boolean') return 'a boolean';
  return `a ${type}`;
}

/** A scalar's value, rendered when it is a templated string. */
export interface ScalarValue {
  value: unknown;
  /** The value came out of a template, so numbers and booleans arrive as text. */
  templated: boolean;
}

/** Reads a scalar node, rendering templates; a Rejection for non-scalars and failed templates. */
export function scalarValue(node: Node | null, scope: ReadScope): ScalarValue | Rejection {
  if (!isScalar(node)) return wrongType;
  const value = node.value;
  if (typeof value !== 'string' || !isTemplated(value)) return { value, templated: false };
  const rendered = scope.render(value, scope.source.position(node));
  return rendered === undefined ? alreadyReported : { value: rendered, templated: true };
}

/** The whole subtree as plain JS with every templated string rendered; used for vars and `ssl`. */
export function plainValue(node: Node | null, scope: ReadScope): unknown {
  const target = deref(node, scope);
  if (isMap(target)) return plainMapping(target.items, scope);
  if (isSeq(target)) return plainList(target.items, scope);
  const scalar = scalarValue(target, scope);
  if (scalar instanceof Rejection) return scalar === alreadyReported ? scalar : null;
  return scalar.value;
}

function plainMapping(items: { key: unknown; value: unknown }[], scope: ReadScope): unknown {
  const result: Record<string, unknown> = {};
  for (const pair of items) {
    const value = plainValue(pair.value as Node | null, scope);
    if (value instanceof Rejection) return value;
    result[keyText(pair.key)] = value;
  }
  return result;
}

function plainList(items: unknown[], scope: ReadScope): unknown {
  const result: unknown[] = [];
  for (const item of items) {
    const value = plainValue(item as Node | null, scope);
    if (value instanceof Rejection) return value;
    result.push(value);
  }
  return result;
}

/** A mapping key as text (keys like `1:` or `true:` are scalars of other types). */
export function keyText(key: unknown): string {
  return isScalar(key) ? String(key.value) : String(key);
}
