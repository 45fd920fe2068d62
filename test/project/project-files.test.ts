/** The project's file lists (issue 13): a synchronous walk, listing what fast-glob listed, in the same order. */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import fg from 'fast-glob';
import { readFilesUnder } from '../../src/files/walk-tree.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { tempDir } from '../support/temp-dir.js';

function tree(files: Record<string, string>): string {
  const root = tempDir('sparkify-files-');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('model files list as fast-glob listed them: hidden entries skipped, links followed, a loop entered once, extensions exact', () => {
  const root = tree({
    'models/b.sql': 'b', 'models/a.sql': 'a', 'models/sub/deep/c.sql': 'c', 'models/.hidden.sql': 'h', 'models/.git/d.sql': 'd',
    'models/upper.SQL': 'u', 'models/notes.md': 'n', 'models/schema.yml': 's', 'models/a.sql.bak': 'x', 'shared/linked.sql': 'l',
  });
  symlinkSync(join(root, 'shared'), join(root, 'models/link'));
  symlinkSync(join(root, 'models'), join(root, 'models/sub/loop'));
  symlinkSync(join(root, 'nowhere.sql'), join(root, 'models/dangling.sql'));
  const listed = readFilesUnder(root, ['models/'], ['.sql']);
  const globbed = fg.sync('models/**/*.sql', { cwd: root, onlyFiles: true, dot: false }).filter((p) => !p.startsWith('models/sub/loop/')).sort();
  assert.deepEqual(listed.map((f) => f.path), globbed);
  assert.deepEqual(listed.map((f) => f.path), ['models/a.sql', 'models/b.sql', 'models/link/linked.sql', 'models/sub/deep/c.sql']);
  assert.deepEqual(listed.map((f) => f.source), ['a', 'b', 'l', 'c']);
  assert.deepEqual(readFilesUnder(root, ['models', 'models'], ['.yml', '.yaml', '.md']).map((f) => f.path), ['models/notes.md', 'models/schema.yml']);
  assert.deepEqual(readFilesUnder(root, ['missing'], ['.sql']), []);
});

test('a folder whose name holds glob characters is taken literally, as dbt takes model-paths', () => {
  const root = tree({ 'models[1]/a.sql': 'a', 'models1/b.sql': 'b' });
  assert.deepEqual(readProjectFiles(root, ['models[1]'], []).models.map((f) => f.path), ['models[1]/a.sql']);
});
