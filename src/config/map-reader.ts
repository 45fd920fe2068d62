/** Typed access to one YAML mapping that reports problems (with positions) instead of throwing. */
import type { Position } from '../diagnostics.js';
import { isMap, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import { closestName } from '../diagnostics.js';
import { ProjectErrors } from './error-codes.js';
import { deref, describe, isEmpty, keyText, Rejection } from './node-values.js';
import type { ReadScope } from './read-scope.js';
import type { Kind } from './value-kinds.js';

/** Reads the keys of a mapping; `what` names it in messages ("table 'events'"), `at` is where it starts. */
export class MapReader {
  constructor(
    readonly scope: ReadScope,
    readonly map: YAMLMap,
    readonly at: Position,
    readonly what: string,
  ) {}

  /** The same mapping under another name, e.g. once its `name` is known. */
  named(what: string, scope = this.scope): MapReader {
    return new MapReader(scope, this.map, this.at, what);
  }

  /** Keys in written order. */
  keys(): string[] {
    return this.map.items.map((pair) => keyText(pair.key));
  }

  /** True when the key is written with a non-empty value. */
  has(key: string): boolean {
    const pair = this.pair(key);
    return pair !== undefined && !isEmpty(this.valueOf(pair));
  }

  /** Where the key is written (the mapping's start when absent). */
  keyAt(key: string): Position {
    return this.scope.source.position(this.pair(key)?.key as Node | undefined, this.at);
  }

  /** Where the key's value is written (the key when the value is empty). */
  valueAt(key: string): Position {
    const pair = this.pair(key);
    if (!pair) return this.at;
    return this.scope.source.position(this.valueOf(pair), this.keyAt(key));
  }

  /** Reports every key that is not in `allowed`, suggesting the closest allowed one. */
  checkKeys(allowed: readonly string[]): void {
    for (const key of this.keys()) {
      if (allowed.includes(key)) continue;
      const closest = closestName(key, allowed);
      const hint = closest ? `did you mean \`${closest}\`?` : `allowed keys: ${allowed.join(', ')}`;
      this.report(ProjectErrors.unknownKey, `unknown key \`${key}\` in ${this.what}`, this.keyAt(key), hint);
    }
  }

  /** The key's value, or undefined when absent, empty or invalid (then reported). */
  get<T>(key: string, kind: Kind<T>): T | undefined {
    const pair = this.pair(key);
    if (!pair) return undefined;
    const node = this.valueOf(pair);
    if (isEmpty(node)) return undefined;
    const value = kind.read(node, this.scope);
    if (!(value instanceof Rejection)) return value;
    this.reject(key, node, kind, value);
    return undefined;
  }

  /** Like `get`, but an absent or empty key is reported as missing. */
  require<T>(key: string, kind: Kind<T>, hint?: string): T | undefined {
    if (!this.has(key)) return this.missing(key, kind, hint);
    return this.get(key, kind);
  }

  /** The key's value as a nested mapping, or undefined when absent, empty or not a mapping (reported). */
  child(key: string, what: string): MapReader | undefined {
    const node = this.nodeOf(key);
    if (node === undefined || isEmpty(node)) return undefined;
    if (isMap(node)) return new MapReader(this.scope, node, this.keyAt(key), what);
    this.wrongType(key, node, 'a mapping');
    return undefined;
  }

  /** The key's value as a list whose items are mappings; `noun` names an item ("column"). */
  items(key: string, noun: string): MapReader[] | undefined {
    const node = this.nodeOf(key);
    if (node === undefined || isEmpty(node)) return undefined;
    if (!isSeq(node)) {
      this.wrongType(key, node, `a list of ${noun}s`);
      return undefined;
    }
    return node.items.flatMap((item, index) => this.item(deref(item, this.scope), `${noun} #${index + 1}`, noun));
  }

  /** Records a problem about this mapping. */
  report(code: string, message: string, at: Position, hint?: string): void {
    this.scope.source.report(code, message, at, hint, this.scope.node);
  }

  private item(node: Node | null, what: string, noun: string): MapReader[] {
    if (isMap(node)) return [new MapReader(this.scope, node, this.scope.source.position(node), what)];
    const at = this.scope.source.position(node, this.at);
    const message = `expected each ${noun} in ${this.what} to be a mapping, got ${describe(node)}`;
    this.report(ProjectErrors.wrongType, message, at);
    return [];
  }

  /** Reports `key` as missing (at the key when written empty, else at the mapping). */
  missing(key: string, kind: { expected: string }, hint?: string): undefined {
    const where = this.pair(key) ? this.keyAt(key) : this.at;
    const message = `missing \`${key}\` in ${this.what} (expected ${kind.expected})`;
    this.report(ProjectErrors.missingKey, message, where, hint ?? `add \`${key}:\` to ${this.what}`);
    return undefined;
  }

  private reject(key: string, node: Node | null, kind: { expected: string }, rejection: Rejection): void {
    if (rejection.reason === 'reported') return;
    if (rejection.reason === 'type') return this.wrongType(key, node, kind.expected);
    const at = this.valueAt(key);
    this.report(ProjectErrors.invalidValue, `\`${key}\` in ${this.what}: ${rejection.message}`, at, rejection.hint);
  }

  private wrongType(key: string, node: Node | null, expected: string): void {
    const message = `\`${key}\` in ${this.what}: expected ${expected}, got ${describe(node)}`;
    this.report(ProjectErrors.wrongType, message, this.valueAt(key));
  }

  private pair(key: string): Pair | undefined {
    return this.map.items.find((pair) => keyText(pair.key) === key) as Pair | undefined;
  }

  private nodeOf(key: string): Node | null | undefined {
    const pair = this.pair(key);
    return pair ? this.valueOf(pair) : undefined;
  }

  private valueOf(pair: Pair): Node | null {
    return deref(pair.value, this.scope);
  }
}
