/**
 * dbt's `compile` renders a node whose template introspects with `execute` true, on the target's
 * connection. So does ours when the target can be reached: the nodes compile marked `introspects`
 * are rendered again (src/kinds/render-at-run.ts) before they are planned for review. With
 * `--no-introspect`, or when the target cannot be reached (an embedded warehouse not built yet, a
 * server that does not answer), compile stays pure: those nodes keep their `execute` false render
 * and a warning says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../diagnostics.js';
import type { Adapter } from '../engines/adapter.js';
import { createAdapter, engineOf } from '../engines/registry.js';
import { rendersAtRun, rerenderModel } from '../kinds/render-at-run.js';
import { CliErrors } from './error-codes.js';
import type { ProjectContext } from './project-context.js';
import { describeTarget } from './debug/describe-target.js';

/** Renders the introspecting models among `ids` with `execute` true, or warns why they keep `execute` false. */
export async function introspectForCompile(context: ProjectContext, ids: string[]): Promise<void> {
  const { manifest } = context.compiled;
  const names = ids.map((id) => manifest.nodes[id]).filter(rendersAtRun).map((node) => node.name);
  if (names.length === 0) return;
  const opened = await openTarget(context);
  if (typeof opened === 'string') {
    warn(context, unreachable(context, names, opened));
    return;
  }
  try {
    const { input, run } = context;
    const renderContext = { compile: input, manifest, adapter: opened, invocation: input.invocation ?? { id: run.invocationId, startedAt: new Date(run.generatedAt) }, flags: input.flags };
    // In build order, as a build renders them; a template error stops compile as any other does.
    for (const name of names) await rerenderModel(renderContext, name, 'both');
  } finally {
    await opened.close().catch(() => undefined);
  }
}

/** The open adapter of the target, or why it cannot be reached. */
async function openTarget(context: ProjectContext): Promise<Adapter | string> {
  const { target } = context.project;
  const engine = engineOf(target);
  // Opening an embedded warehouse that does not exist would create an empty one: nothing to ask.
  const dataDir = engine.capabilities.embeddedDataDir ? engine.dataDir?.(target) : undefined;
  if (dataDir !== undefined && !existsSync(join(context.root, dataDir))) return `the embedded warehouse ${dataDir} does not exist yet`;
  let adapter: Adapter | undefined;
  try {
    adapter = await createAdapter(context.root, target);
    await adapter.open();
    return adapter;
  } catch (error) {
    await adapter?.close().catch(() => undefined);
    return (error as Error).message ?? String(error);
  }
}

function unreachable(context: ProjectContext, names: string[], why: string): Diagnostic {
  const list = names.length <= 5 ? names.join(', ') : `${names.slice(0, 5).join(', ')} and ${names.length - 5} more`;
  return {
    code: CliErrors.introspectionUnreachable,
    message: `cannot reach target '${context.project.target.name}' (${describeTarget(context.project.target)}): ${why}; `
      + `models whose templates ask the warehouse (${list}) are compiled with execute false`,
    hint: 'build first, or make the target reachable, to see the SQL a build runs; --no-introspect compiles without trying',
  };
}

function warn(context: ProjectContext, diagnostic: Diagnostic): void {
  process.stderr.write(context.scrub(`warning: ${formatDiagnostic(diagnostic)}`) + '\n');
}
