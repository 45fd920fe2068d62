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
import { fail, formatDiagnostic, SparkifyError, type Diagnostic } from '../diagnostics.js';
import { selectNodes, topologicalOrder, type IndirectSelection } from '../graph/index.js';
import { planNodes } from '../kinds/plan-nodes.js';
import { dialectFor } from '../engines/registry.js';
import { loadProject } from '../project/index.js';
import type { LoadedProject } from '../project/types.js';
import { useTargetDir } from '../run/artifacts.js';
import { CliErrors } from './error-codes.js';
import { createScrubber, Output, outputMode, setOutputMode } from './output.js';
import { warnErrorPolicy, type WarnErrorPolicy } from './warn-error.js';
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
  /** --target-path: where artifacts and compiled files go (over $DBT_TARGET_PATH and the project's target-path). */
  targetPath?: string;
  /** --log-format: `json` prints one JSON event per line (dbt's structured logs). */
  logFormat?: string;
  quiet?: boolean;
  debug?: boolean;
  warnError?: boolean;
  warnErrorOptions?: string;
}

/** Options of the commands that select nodes. */
export interface SelectionOptions {
  select?: string[];
  exclude?: string[];
  /** Which tests selecting a model brings along (dbt's --indirect-selection; eager by default). */
  indirectSelection?: IndirectSelection;
  /** --resource-type: only nodes of these kinds (dbt's names; `default`/`all` for every kind). */
  resourceType?: string[];
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
  /** Which warnings are errors (--warn-error) or silenced. */
  warnings: WarnErrorPolicy;
}

/** dbt's `flags` a command's templates see (FULL_REFRESH, WHICH, ...). */
export type CommandFlags = Record<string, unknown>;

/** How a command wants its context loaded. */
export interface LoadHow {
  /** False for a second compile of the same run (--defer): its warnings were said already. */
  reportWarnings?: boolean;
  /** Receives the time each phase took, in milliseconds (`sparkify parse`). */
  timings?: [string, number][];
  /** Called once the project files are read, before compiling: a build prints its first line there. */
  loaded?: (project: LoadedProject, output: Output) => void;
}

/** Extra compile inputs a command adds (--empty, --defer, run-operation, the `flags` templates see). */
export type CompileExtras = Pick<CompileInput, 'empty' | 'deferred' | 'operation' | 'flags'>;

/**
 * Reads and compiles the project (the pure phases) for a command. The CLI owns the clock: templates
 * see this command run's invocation id and start (run_started_at), and the `flags` in `extras`.
 */
export function loadProjectContext(options: GlobalOptions, extras: CompileExtras = {}, how: LoadHow = {}): ProjectContext {
  const run = newArtifactRun();
  const began = performance.now();
  const policy = startOutput(options, run.invocationId);
  const root = findProjectRoot(options.projectDir);
  const project = loadProject(root, { varsText: options.vars, targetName: options.target, env: process.env, profilesDir: options.profilesDir });
  const scrub = createScrubber(project.secrets);
  const output = new Output(scrub);
  useTargetDir(options.targetPath ?? process.env.DBT_TARGET_PATH ?? project.config.targetPath ?? 'target');
  how.loaded?.(project, output);
  const { files, dataTests, seeds, snapshots, docs } = readCompileFiles(root, project);
  const log = (entry: TemplateLogEntry) => templateLog(output, scrub, entry);
  const read = performance.now();
  const invocation = { id: run.invocationId, startedAt: new Date(run.generatedAt) };
  // Compiled templates persist in .sparkify/ (gitignored): a template whose text is unchanged is not compiled again.
  const templateCache = new TemplateCache(join(root, '.sparkify', 'compiled-templates.json'));
  const input: CompileInput = { project, files, env: process.env, dataTests, seeds, snapshots, docs, log, invocation, templateCache, ...extras };
  let compiled: CompiledProject & { key?: string };
  try {
    // With nothing changed since the last compile, its result is reused whole (compile-cache.ts).
    compiled = compileProjectCached(input, join(root, '.sparkify', 'compiled-project.json'));
  } finally {
    templateCache.save();
  }
  how.timings?.push(['read the project files', read - began], ['compiled', performance.now() - read]);
  // A second compile of the same run (--defer) has said its warnings already.
  if (how.reportWarnings !== false) reportWarnings(output, [...project.warnings, ...(compiled.warnings ?? [])], policy);
  const macroFiles = [...files.macros, ...(dataTests?.generic ?? [])];
  const fileTexts = new Map([...files.models, ...files.macros, ...(snapshots ?? []), ...(dataTests?.singular ?? []), ...(dataTests?.generic ?? [])].map((f) => [f.path, f.source]));
  return { root, project, compiled, output, scrub, run, macroFiles, compileKey: compiled.key, fileTexts, input, warnings: policy };
}

/** dbt's events for what templates say (log, print, exceptions.warn), by level. */
const TEMPLATE_EVENTS = { info: ['JinjaLogInfo', 'I062'], debug: ['JinjaLogDebug', 'I063'], warn: ['JinjaLogWarning', 'I061'], print: ['PrintEvent', 'Z052'] } as const;

/** A template's log line: text on stderr (stdout stays the command's output), a JSON event with --log-format json. */
function templateLog(output: Output, scrub: (text: string) => string, entry: TemplateLogEntry): void {
  if (entry.level === 'debug' && !process.env.SPARKIFY_DEBUG) return;
  const [name, code] = TEMPLATE_EVENTS[entry.level];
  const text = formatLogEntry(entry);
  if (outputMode().format !== 'json') {
    clearLiveLines();
    process.stderr.write(scrub(text) + '\n');
  } else if (entry.level === 'warn') output.warn(text, { name, code, data: { msg: entry.message } });
  else output.jsonOnly(text, { name, code, data: { msg: entry.message } });
}

/** Sets the output mode from the flags (before anything prints) and returns the warning policy. */
function startOutput(options: GlobalOptions, invocationId: string): WarnErrorPolicy {
  if (options.debug) process.env.SPARKIFY_DEBUG = '1';
  setOutputMode({ format: options.logFormat === 'json' ? 'json' : 'text', quiet: Boolean(options.quiet), debug: Boolean(options.debug), invocationId });
  return warnErrorPolicy(options.warnError, options.warnErrorOptions);
}

/** Warnings go to stderr (stdout stays pure SQL); those --warn-error promotes stop the command (exit 2). */
function reportWarnings(output: Output, warnings: Diagnostic[], policy: WarnErrorPolicy): void {
  const promoted = warnings.filter((w) => policy.promotes(w.code));
  if (promoted.length > 0) {
    throw new SparkifyError(promoted.map((w) => ({ ...w, hint: `${w.hint ? `${w.hint}; ` : ''}an error because of --warn-error [${CliErrors.warningAsError}]` })));
  }
  for (const warning of warnings) {
    if (!policy.silences(warning.code)) output.warn(`warning: ${formatDiagnostic(warning)}`, { name: 'Diagnostic', code: warning.code, data: { ...warning } });
  }
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
export function planFor(context: ProjectContext, ids: string[], warnError = false): NodePlan[] {
  return planNodes(context.compiled.manifest, ids, dialectFor(context.project.target), { warnError });
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
