import type { NodePlan } from '../kinds/node-plan.js';
import { ProjectErrors } from '../config/error-codes.js';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CompiledProject, CompileInput } from '../compile/compile-project.js';
import { compileProjectCached } from '../compile/compile-cache.js';
import type { TemplateFile } from '../project/project-files.js';
import { readCompileFiles } from './compile-inputs.js';
import type { ArtifactRun } from '../artifacts/artifact-run.js';
import { newArtifactRun } from './artifact-documents.js';
import { fail, formatDiagnostic } from '../diagnostics.js';
import { selectNodes, topologicalOrder, type IndirectSelection } from '../graph/index.js';
import { planNodes } from '../kinds/plan-nodes.js';
import { dialectFor } from '../engines/registry.js';
import { loadProject } from '../project/index.js';
import type { LoadedProject } from '../project/types.js';
import { createScrubber, Output } from './output.js';
import { TemplateCache } from '../jinja/template-cache.js';
import { formatLogEntry, type TemplateLogEntry } from '../jinja/context/template-log.js';
import { clearLiveLines } from '../load/live-line.js';

/** Options every command takes. */
export interface GlobalOptions {
  projectDir?: string;
  target?: string;
  vars?: string;
  /** --profiles-dir: where a dbt project's profiles.yml is looked for first. */
  profilesDir?: string;
}

/** Options of the commands that select nodes. */
export interface SelectionOptions {
  select?: string[];
  exclude?: string[];
  /** Which tests selecting a model brings along (dbt's --indirect-selection; eager by default). */
  indirectSelection?: IndirectSelection;
}

/** A project read, compiled and ready to plan, with output that scrubs its secrets. */
export interface ProjectContext {
  root: string;
  project: LoadedProject;
  compiled: CompiledProject;
  output: Output;
  scrub: (text: string) => string;
  /** This command run's time and id, stamped on the artifacts it writes. */
  run: ArtifactRun;
  /** Macro files (macros/, tests/generic/), listed in manifest.json. */
  macroFiles: TemplateFile[];
  /** A content key of everything compile read: the same key, the same manifest (compile-cache.ts). */
  compileKey?: string;
  /** The text of the project files read for compile, by project-relative path (manifest.json's raw_code). */
  fileTexts: ReadonlyMap<string, string>;
  /** What compile was given: a node rendered again at run time (execute true) is rendered from it. */
  input: CompileInput;
}

/** dbt's `flags` a command's templates see (FULL_REFRESH, WHICH, ...). */
export type CommandFlags = Record<string, unknown>;

/**
 * Reads and compiles the project (the pure phases) for a command. The CLI owns the clock: templates
 * see this command run's invocation id and start (run_started_at), and its `flags`. `loaded` is
 * called once the project files are read, before compiling: a build prints its first line there.
 */
export function loadProjectContext(options: GlobalOptions, flags: CommandFlags = {}, loaded?: (project: LoadedProject, output: Output) => void): ProjectContext {
  const run = newArtifactRun();
  const root = findProjectRoot(options.projectDir);
  const project = loadProject(root, { varsText: options.vars, targetName: options.target, env: process.env, profilesDir: options.profilesDir });
  const scrub = createScrubber(project.secrets);
  const output = new Output(scrub);
  loaded?.(project, output);
  // Warnings (e.g. no dwh.cfg: compile prints placeholders) go to stderr, so stdout stays pure SQL.
  for (const warning of project.warnings) process.stderr.write(scrub(`warning: ${formatDiagnostic(warning)}`) + '\n');
  const { files, dataTests, seeds, snapshots, docs } = readCompileFiles(root, project);
  const log = (entry: TemplateLogEntry) => {
    if (entry.level === 'debug' && !process.env.SPARKIFY_DEBUG) return;
    clearLiveLines();
    process.stderr.write(scrub(formatLogEntry(entry)) + '\n');
  };
  const invocation = { id: run.invocationId, startedAt: new Date(run.generatedAt) };
  // Compiled templates persist in .sparkify/ (gitignored): a template whose text is unchanged is not compiled again.
  const templateCache = new TemplateCache(join(root, '.sparkify', 'compiled-templates.json'));
  const input: CompileInput = { project, files, env: process.env, dataTests, seeds, snapshots, docs, log, invocation, flags, templateCache };
  let compiled: CompiledProject & { key?: string };
  try {
    // With nothing changed since the last compile, its result is reused whole (compile-cache.ts).
    compiled = compileProjectCached(input, join(root, '.sparkify', 'compiled-project.json'));
  } finally {
    templateCache.save();
  }
  const macroFiles = [...files.macros, ...(dataTests?.generic ?? [])];
  const fileTexts = new Map([...files.models, ...files.macros, ...(snapshots ?? []), ...(dataTests?.singular ?? []), ...(dataTests?.generic ?? [])].map((f) => [f.path, f.source]));
  return { root, project, compiled, output, scrub, run, macroFiles, compileKey: compiled.key, fileTexts, input };
}

/** Whether the user selected or excluded anything. */
export function hasSelection(selection: SelectionOptions): boolean {
  return Boolean(selection.select?.length || selection.exclude?.length);
}

/** Selected node ids in build order (everything when nothing is selected). */
export function selectedIds(context: ProjectContext, selection: SelectionOptions): string[] {
  const { graph } = context.compiled;
  if (!hasSelection(selection)) return topologicalOrder(graph);
  return selectNodes(graph, selection.select, selection.exclude, selection.indirectSelection ?? 'eager');
}

/** The plans of the given nodes for the context's target. */
export function planFor(context: ProjectContext, ids: string[]): NodePlan[] {
  return planNodes(context.compiled.manifest, ids, dialectFor(context.project.target));
}

/** `--project-dir`, else the nearest folder upward from the working directory holding project.yml. */
export function findProjectRoot(projectDir?: string): string {
  if (projectDir) return resolve(projectDir);
  let dir = process.cwd();
  for (;;) {
    if (existsSync(join(dir, 'project.yml')) || existsSync(join(dir, 'dbt_project.yml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      return fail(ProjectErrors.missingFile, `no project.yml or dbt_project.yml in ${process.cwd()} or any folder above it`, undefined,
        'run sparkify inside a sparkify project, or pass --project-dir PATH');
    }
    dir = parent;
  }
}
