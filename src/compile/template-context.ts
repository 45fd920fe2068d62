/**
 * What templates see of the project beyond ref/source/var: `target`, the project's name and model
 * defaults, source relations, `{% docs %}` blocks, the compile-time `graph` and where log() goes.
 */
import type { DocBlock } from '../manifest/manifest.js';
import { posix } from 'node:path';
import { compileTimeGraph } from '../jinja/context/graph-view.js';
import { targetContext } from '../jinja/context/target-context.js';
import type { CompileInput } from './compile-project.js';
import type { SourceNode } from '../manifest/manifest.js';
import type { TemplateFile } from '../project/project-files.js';
import type { KnownNames } from '../jinja/render-scope.js';

/** The template context of a compile, from its input. */
export function templateContext(
  input: CompileInput,
  modelFiles: ReadonlyMap<string, TemplateFile>,
  sources: readonly SourceNode[],
  docs: ReadonlyMap<string, DocBlock>,
): Omit<KnownNames, 'models' | 'sourceTables' | 'vars' | 'env'> {
  const { project } = input;
  const target = targetContext(project.target, project.config.name);
  const bySource = new Map(sources.map((s) => [`${s.sourceName}.${s.name}`, s.relation]));
  const files = [
    ...[...modelFiles].map(([name, file]) => ({ kind: 'model' as const, name, path: file.path })),
    ...(input.seeds ?? []).map((seed) => ({ kind: 'seed' as const, name: posix.basename(seed.path, '.csv'), path: seed.path })),
    ...(input.snapshots ?? []).map((file) => ({ kind: 'snapshot' as const, name: posix.basename(file.path, '.sql'), path: file.path })),
  ];
  return {
    target,
    projectName: project.config.name,
    modelDefaults: project.config.modelDefaults,
    relationOf: (kind, key) => (kind === 'source' ? bySource.get(key) : undefined),
    docs,
    graph: compileTimeGraph(project.config.name, files, project.sources, project.config.modelDefaults.schema ?? target.schema),
    log: input.log,
    invocation: input.invocation,
    flags: input.flags,
  };
}
