/** Secret values of the configured targets, so the CLI can scrub them from anything it prints. */
import { engineOf } from './registry.js';
import type { TargetConfig } from './target-config.js';

/** Every target's secrets (passwords, passwords inside URLs, TLS keys, dwh.cfg secrets), each once. */
export function collectSecrets(targets: Iterable<TargetConfig>): string[] {
  return [...new Set([...targets].flatMap((target) => engineOf(target).secrets(target)))];
}
