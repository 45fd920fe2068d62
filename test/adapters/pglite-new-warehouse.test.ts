import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import { copyFolder } from '../../src/engines/pglite/copy-folder.js';
import { PgliteAdapter } from '../../src/engines/pglite/pglite-adapter.js';
import { tempDir } from '../support/temp-dir.js';

const dir = tempDir('sparkify-new-warehouse-');
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every file under `root` with its bytes, and every folder (empty ones too), by relative name. */
function tree(root: string): Record<string, string> {
  const found: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const key = relative(root, path);
      if (statSync(path).isDirectory()) {
        found[`${key}/`] = '';
        walk(path);
      } else found[key] = readFileSync(path).toString('base64');
    }
  };
  walk(root);
  return found;
}

describe('a new embedded warehouse', () => {
  test('copyFolder copies nested files byte for byte, empty folders too, and leaves the original as it was', async () => {
    const from = join(dir, 'from');
    mkdirSync(join(from, 'base', '5'), { recursive: true });
    mkdirSync(join(from, 'pg_tblspc'), { recursive: true });
    writeFileSync(join(from, 'PG_VERSION'), '18\n');
    writeFileSync(join(from, 'base', '5', '1259'), Buffer.from(Array.from({ length: 70_000 }, (_, k) => (k * 7) % 256)));
    for (let k = 0; k < 40; k++) writeFileSync(join(from, 'base', `file${k}`), `file ${k}\n`);
    const before = tree(from);
    await copyFolder(from, join(dir, 'to'));
    assert.deepEqual(tree(join(dir, 'to')), before);
    assert.deepEqual(tree(from), before);
    assert.equal(Object.keys(before).length, 45); // 42 files and 3 folders
  });

  test('is created with a line before the copy and one before PGlite starts; an existing one opens without them', async () => {
    const notices: string[] = [];
    const open = async () => {
      const adapter = new PgliteAdapter(join(dir, 'warehouse'), 'warehouse');
      await adapter.open({ notice: (text) => notices.push(text) });
      const { rows } = await adapter.withSession((session) => session.execute('SELECT 1 AS one'));
      await adapter.close();
      return rows;
    };
    assert.deepEqual(await open(), [{ one: 1 }]);
    assert.equal(existsSync(join(dir, 'warehouse', 'PG_VERSION')), true);
    assert.equal(notices.length, 2, notices.join('\n'));
    assert.match(notices[0], /^Creating the embedded warehouse warehouse \(a copy of this machine's pristine PGlite database\)$/);
    assert.match(notices[1], /^Starting PGlite on the new warehouse warehouse$/);
    notices.length = 0;
    assert.deepEqual(await open(), [{ one: 1 }]);
    assert.deepEqual(notices, []);
  });
});
