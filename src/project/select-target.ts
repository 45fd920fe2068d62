/** Choosing the target: --target, then SPARKIFY_TARGET, then project.yml `default_target`, then 'dev'. */
import { closestName } from '../diagnostics.js';
import { ProjectErrors } from '../config/error-codes.js';
import type { MapReader } from '../config/map-reader.js';

/** The chosen target name and where the choice came from (for the message when it does not exist). */
export interface TargetChoice {
  name: string;
  origin: 'option' | 'env' | 'default_target' | 'fallback';
}

/** Picks the target name by precedence; empty values count as not given. */
export function chooseTarget(
  targetName: string | undefined,
  env: Record<string, string | undefined>,
  defaultTarget: string | undefined,
): TargetChoice {
  if (targetName) return { name: targetName, origin: 'option' };
  if (env.SPARKIFY_TARGET) return { name: env.SPARKIFY_TARGET, origin: 'env' };
  if (defaultTarget) return { name: defaultTarget, origin: 'default_target' };
  return { name: 'dev', origin: 'fallback' };
}

const originText: Record<TargetChoice['origin'], string> = {
  option: 'from --target',
  env: 'from SPARKIFY_TARGET',
  default_target: 'from default_target',
  fallback: 'the default when no target is chosen',
};

/** Reports SPK016 when the chosen target is not among `defined`, listing them and the closest. */
export function checkTargetDefined(project: MapReader, choice: TargetChoice, defined: string[]): void {
  if (defined.includes(choice.name)) return;
  const closest = closestName(choice.name, defined);
  const list = defined.length > 0 ? `defined targets: ${defined.join(', ')}` : 'no targets are defined';
  const hint = closest ? `did you mean '${closest}'? (${list})` : list;
  const message = `target '${choice.name}' (${originText[choice.origin]}) is not defined in project.yml`;
  const at = choice.origin === 'default_target' ? project.valueAt('default_target') : project.keyAt('targets');
  project.report(ProjectErrors.unknownTarget, message, at, hint);
}
