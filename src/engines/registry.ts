/**
 * The engine registry: a target `type` maps to one engine (one folder under src/engines/). Adding an
 * engine is its folder and one line below; nothing else in sparkify names an engine.
 */
import { closestName, fail } from '../diagnostics.js';
import type { ConfigFunction } from '../config/render-config.js';
import type { Dialect } from '../plan/dialect.js';
import type { LiteralQuoter } from '../sql/quote.js';
import type { Adapter } from './adapter.js';
import type { Engine, TargetBase } from './engine.js';
import { ProjectErrors } from '../config/error-codes.js';
import { pgliteEngine } from './pglite/pglite-engine.js';
import { postgresEngine } from './postgres/postgres-engine.js';
import { redshiftEngine } from './redshift/redshift-engine.js';

/** Each engine narrows targets to its own type. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyEngine = Engine<any>;

const engines = new Map<string, AnyEngine>([
  [pgliteEngine.type, pgliteEngine],
  [postgresEngine.type, postgresEngine],
  [redshiftEngine.type, redshiftEngine],
]);

/** Adds an engine (extensions, tests); its type must be new. */
export function registerEngine(engine: AnyEngine): void {
  if (engines.has(engine.type)) throw new Error(`an engine of type '${engine.type}' is registered already`);
  engines.set(engine.type, engine);
}

/** The registered target types, in registration order. */
export function engineTypes(): string[] {
  return [...engines.keys()];
}

/** The engine of a target type, or undefined. */
export function findEngine(type: string): AnyEngine | undefined {
  return engines.get(type);
}

/** The engine a target belongs to (its type was checked when the project was read). */
export function engineOf(target: Pick<TargetBase, 'type'>): AnyEngine {
  const engine = engines.get(target.type);
  if (engine) return engine;
  const closest = closestName(target.type, engines.keys());
  return fail(ProjectErrors.unknownTargetType, `no engine for target type '${target.type}'`, undefined,
    closest ? `did you mean '${closest}'?` : `engines: ${engineTypes().join(', ')}`);
}

/** The SQL dialect of a target. */
export function dialectFor(target: TargetBase): Dialect {
  return engineOf(target).dialect(target);
}

/** The target's sources keep load ledgers (its dialect says so), so loaded_since_last_build filters rows. */
export function keepsLedgers(target: TargetBase): boolean {
  return dialectFor(target).ledgers !== undefined;
}

/** Builds (opens nothing yet) the adapter of a target. */
export function createAdapter(root: string, target: TargetBase): Promise<Adapter> {
  return engineOf(target).createAdapter(root, target);
}

/** How literals are quoted for a target type (every literal compiled or planned for it goes through this). */
export function literalQuoter(targetType: string): LiteralQuoter {
  return engineOf({ type: targetType }).quoting.literal;
}

/** Every engine's config functions as they are outside their own target blocks (each says where it works). */
export function configFunctionsOutsideTargets(): Record<string, ConfigFunction> {
  return Object.assign({}, ...[...engines.values()].map((engine) => engine.configFunctions?.({}) ?? {}));
}

/** Every prefix some engine dispatches macros by (`redshift`, `postgres`, `pglite`, `default`). */
export function dispatchPrefixes(): Set<string> {
  return new Set([...engines.values()].flatMap((engine) => engine.capabilities.macroFallbacks));
}
