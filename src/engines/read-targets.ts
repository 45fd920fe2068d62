/** The `targets` block of project.yml: one target per name, each read by its engine (registry.ts). */
import { ProjectErrors } from '../config/error-codes.js';
import type { MapReader } from '../config/map-reader.js';
import { integer, nonEmptyText } from '../config/value-kinds.js';
import { closestName } from '../diagnostics.js';
import type { Engine } from './engine.js';
import { s3Field } from './read-s3-settings.js';
import { engineTypes, findEngine } from './registry.js';
import type { TargetConfig } from './target-config.js';

/** Keys every target block may hold, whatever its engine. */
const COMMON_KEYS = ['type', 'schema', 'threads', 'vars', 's3'];

/**
 * Reads every target under `targets`; only the `selected` one must be complete (others may lack env
 * vars), and only its config files (relative to `root`) and `vars` are read.
 */
export function readTargets(targets: MapReader, selected: string, root: string): Record<string, TargetConfig> {
  const result: Record<string, TargetConfig> = {};
  for (const name of targets.keys()) {
    const block = targets.child(name, `target '${name}'`);
    if (!block) {
      if (!targets.has(name)) reportEmptyTarget(targets, name);
      continue;
    }
    const isSelected = name === selected;
    const scoped = block.named(block.what, block.scope.withLenient(!isSelected));
    const target = readTarget(scoped, name, isSelected, root);
    if (target) result[name] = target;
  }
  return result;
}

function reportEmptyTarget(targets: MapReader, name: string): void {
  const message = `missing \`type\` in target '${name}' (the target is empty)`;
  targets.report(ProjectErrors.missingKey, message, targets.keyAt(name), `add \`type: ${engineTypes()[0]}\` (or ${engineTypes().slice(1).join(', ')})`);
}

function readTarget(block: MapReader, name: string, selected: boolean, root: string): TargetConfig | undefined {
  const engine = readEngine(block);
  if (!engine) return undefined;
  block.checkKeys([...COMMON_KEYS, ...engine.targetKeys]);
  const base = {
    name,
    schema: block.get('schema', nonEmptyText) ?? 'public',
    threads: block.get('threads', integer(1)) ?? 4,
    position: block.at,
    ...s3Field(block),
  };
  return engine.readTarget({ block, base, selected, root }) as TargetConfig | undefined;
}

function readEngine(block: MapReader): Engine | undefined {
  const types = engineTypes();
  const type = block.require('type', nonEmptyText, `add \`type:\` (one of ${types.join(', ')})`);
  if (type === undefined) return undefined;
  const engine = findEngine(type);
  if (engine) return engine;
  const closest = closestName(type, types);
  const hint = closest ? `did you mean '${closest}'?` : `supported types: ${types.join(', ')}`;
  block.report(ProjectErrors.unknownTargetType, `unknown target type '${type}' in ${block.what}`, block.valueAt('type'), hint);
  return undefined;
}
