/** Project copies whose dev target reads s3:// locations from the local test server (issue 3). */
import { cpSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { copyProject, editFile, REPO_ROOT } from '../e2e/helpers.js';

/** A copy of the repo's project (data tests included when the repo has them) with `s3: {endpoint}` on the dev target. */
export function s3ProjectCopy(endpoint: string, options: { withData?: boolean } = {}): string {
  const dir = copyProject(options);
  if (existsSync(join(REPO_ROOT, 'tests'))) cpSync(join(REPO_ROOT, 'tests'), join(dir, 'tests'), { recursive: true });
  editFile(dir, 'project.yml', (text) => {
    const edited = text.replace(/( {4}path: \.sparkify\/dev\n)/, `$1    s3:\n      endpoint: ${endpoint}\n`);
    if (edited === text) throw new Error('project.yml: the dev target changed shape; update s3ProjectCopy');
    return edited;
  });
  return dir;
}

/** Every file under `dir` whose text contains `needle` (paths relative to dir). */
export function filesContaining(dir: string, needle: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => {
    const file = join(dir, path);
    return statSync(file).isFile() && readFileSync(file).includes(needle);
  });
}
