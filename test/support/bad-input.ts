/** Bad input planted into a copy of the repository's project, for the load-hardening tests (issue 14). */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Where something was planted: the project-relative file, and the 1-based line and column. */
export interface Planted {
  file: string;
  line: number;
  column: number;
}

/** The first log file of `dataRoot` (project-relative), sorted as the loader reads them. */
function firstLogFile(dir: string, dataRoot: string): string {
  const folder = `${dataRoot}/log_data/2018/11`;
  return `${folder}/${readdirSync(join(dir, folder)).sort()[0]}`;
}

/** Appends the bytes ff fe to the artist of line 2 of the first log file. */
export function plantBadBytes(dir: string, dataRoot = 'data'): Planted {
  const file = firstLogFile(dir, dataRoot);
  const bytes = readFileSync(join(dir, file));
  const lineStart = bytes.indexOf(0x0a) + 1;
  const key = Buffer.from('"artist":"');
  const valueStart = bytes.indexOf(key, lineStart) + key.length;
  const valueEnd = bytes.indexOf(0x22, valueStart);
  writeFileSync(join(dir, file), Buffer.concat([bytes.subarray(0, valueEnd), Buffer.from([0xff, 0xfe]), bytes.subarray(valueEnd)]));
  const column = bytes.subarray(lineStart, valueEnd).toString('utf8').length + 1;
  return { file, line: 2, column };
}

/** Adds a song file whose line 3 nests 50,000 arrays. */
export function plantDeepSong(dir: string, dataRoot = 'data'): Planted {
  const file = `${dataRoot}/song_data/Z/Z/Z/TRZZZDEEP.json`;
  const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
  mkdirSync(dirname(join(dir, file)), { recursive: true });
  writeFileSync(join(dir, file), `{\n  "song_id": "SODEEP",\n  "title": ${deep}\n}\n`);
  return { file, line: 3, column: 12 + 1000 - 1 };
}

/** Declares subscription_levels.is_paying boolean in project.yml and writes `maybe` on the CSV's line 3. */
export function plantBadSeedValue(dir: string): Planted {
  const project = join(dir, 'project.yml');
  writeFileSync(project, `${readFileSync(project, 'utf8')}\nseeds:\n  subscription_levels:\n    column_types:\n      is_paying: boolean\n`);
  const file = 'seeds/subscription_levels.csv';
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  lines[2] = lines[2].replace(/,true$/, ',maybe');
  writeFileSync(join(dir, file), lines.join('\n'));
  return { file, line: 3, column: lines[2].lastIndexOf(',') + 2 };
}
