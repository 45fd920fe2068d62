import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../../diagnostics.js';
import { newProjectFiles } from '../../project/scaffold/new-project-files.js';
import { CliErrors } from '../error-codes.js';
import { Output } from '../output.js';

/** Options of `sparkify init`. */
export interface InitOptions {
  /** The project name argument, when given. */
  positional?: unknown[];
  skipProfileSetup?: boolean;
}

/**
 * `sparkify init [name]`: writes a new project in dbt's layout into `name/` (or, without a name, into
 * the current folder if it is empty), with a profiles.yml whose pglite output builds it at once:
 * `sparkify init shop && cd shop && sparkify build`.
 */
export async function initCommand(options: InitOptions): Promise<number> {
  const given = typeof options.positional?.[0] === 'string' ? (options.positional[0] as string) : undefined;
  const dir = resolve(given ?? '.');
  const name = (given ? basename(dir) : basename(dir)).replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    fail(CliErrors.badUsage, `'${name}' cannot be a project name`, undefined, 'a project name is an identifier: letters, digits and underscores, not starting with a digit');
  }
  checkEmpty(dir, given !== undefined);
  const files = newProjectFiles(name, !options.skipProfileSetup);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const output = new Output();
  output.line(`Created project ${name} in ${dir}${options.skipProfileSetup ? ' (no profiles.yml: it builds in .sparkify/dev)' : ' with profiles.yml (target dev: the embedded warehouse .sparkify/dev)'}`);
  output.line(`Next: ${given ? `cd ${given} && ` : ''}sparkify build`);
  return 0;
}

/** The folder must not hold a project already (or, when it is the current folder, anything at all). */
function checkEmpty(dir: string, created: boolean): void {
  if (!existsSync(dir)) return;
  const entries = readdirSync(dir).filter((entry) => !entry.startsWith('.'));
  const project = entries.find((entry) => entry === 'dbt_project.yml' || entry === 'project.yml');
  if (project) fail(CliErrors.initTargetExists, `${dir} holds a project already (${project})`, undefined, 'choose another name, or work in that project');
  if (entries.length > 0) {
    fail(CliErrors.initTargetExists, `${dir} is not empty (${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''})`, undefined,
      created ? 'choose a name for a new folder' : 'run sparkify init NAME to create the project in a new folder');
  }
}
