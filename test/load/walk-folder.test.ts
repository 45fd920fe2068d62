/** The synchronous folder walk that replaced fast-glob for folder locations (issue 13): same files, same order. */
import assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import fg from 'fast-glob';
import { openSourceStream } from '../../src/load/index.js';
import { readSmallFile } from '../../src/load/small-file.js';
import { walkFolder } from '../../src/load/walk-folder.js';
import { load, sourceTable, tempProject } from './helpers.js';

test('a folder lists as fast-glob lists it: hidden entries skipped, links followed, a link loop entered once', () => {
  const root = tempProject({
    'data/a.json': '{}', 'data/a/b.json': '{}', 'data/.hidden.json': '{}', 'data/.git/x.json': '{}',
    'data/sub/deep/c.json': '{"k":1}', 'elsewhere/linked.json': '{}',
  });
  symlinkSync(path.join(root, 'elsewhere'), path.join(root, 'data/link'));
  symlinkSync(path.join(root, 'data'), path.join(root, 'data/sub/loop'));
  symlinkSync(path.join(root, 'nowhere'), path.join(root, 'data/dangling.json'));
  const walked = walkFolder(path.join(root, 'data'), 'data').map((f) => f.display).sort();
  const globbed = fg.sync('**/*', { cwd: path.join(root, 'data'), onlyFiles: true, dot: false, followSymbolicLinks: true })
    .filter((f) => !f.startsWith('sub/loop/')).map((f) => `data/${f}`).sort();
  assert.deepEqual(walked, globbed);
  assert.deepEqual(walked, ['data/a.json', 'data/a/b.json', 'data/link/linked.json', 'data/sub/deep/c.json']);
  assert.equal(walkFolder(path.join(root, 'data'), 'data').find((f) => f.display === 'data/sub/deep/c.json')?.size, 7);
});

test('a small file read whole; one that grew since it was listed is read as a stream, entirely', async () => {
  const root = tempProject({ 'data/a.json': '{"id":1}' });
  assert.equal(readSmallFile(path.join(root, 'data/a.json'), 8)?.toString(), '{"id":1}');
  const stream = openSourceStream(sourceTable(), { root, parseIn: 'main' });
  await stream.files();
  appendFileSync(path.join(root, 'data/a.json'), '\n{"id":2}\n');
  assert.equal(readSmallFile(path.join(root, 'data/a.json'), 8), undefined);
  const chunks: Buffer[] = [];
  for await (const chunk of stream.chunks()) chunks.push(chunk);
  assert.equal(Buffer.concat(chunks).toString(), '1\t\\N\n2\t\\N\n');
  mkdirSync(path.join(root, 'data/empty'));
  assert.deepEqual((await load(sourceTable(), { root })).rows, [['1', null], ['2', null]]);
});
