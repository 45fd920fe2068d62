import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_OPTIONS, generateSample } from '../../scripts/generate/generate.js';
import { freshSample, listFiles, tempDir } from './sample-files.js';

function assertSameTree(a: string, b: string): void {
  const files = listFiles(a);
  assert.deepEqual(listFiles(b), files);
  for (const file of files) assert.ok(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), `${file} differs`);
}

test('generating twice with the same options writes byte-identical files', () => {
  const first = freshSample();
  const second = freshSample();
  try {
    assertSameTree(first.dir, second.dir);
    assert.deepEqual(second.result.facts, first.result.facts);
  } finally {
    first.cleanup();
    second.cleanup();
  }
});

test('another seed gives other events but the same layout', () => {
  const base = freshSample();
  const other = freshSample({ seed: 7 });
  try {
    const logs = (dir: string) => listFiles(dir).filter((f) => f.startsWith('log_data/'));
    assert.deepEqual(logs(other.dir), logs(base.dir));
    const day = 'log_data/2018/11/2018-11-15-events.json';
    assert.notEqual(readFileSync(join(other.dir, day), 'utf8'), readFileSync(join(base.dir, day), 'utf8'));
  } finally {
    base.cleanup();
    other.cleanup();
  }
});

test('regenerating replaces log_data and song_data but leaves other files alone', () => {
  const { path, cleanup } = tempDir();
  try {
    mkdirSync(join(path, 'song_data', 'Z', 'Z', 'Z'), { recursive: true });
    writeFileSync(join(path, 'song_data', 'Z', 'Z', 'Z', 'TRZZZSTALE.json'), '{}');
    writeFileSync(join(path, 'keep-me.txt'), 'mine');
    generateSample({ ...DEFAULT_OPTIONS, out: path });
    assert.equal(existsSync(join(path, 'song_data', 'Z')), false);
    assert.equal(readFileSync(join(path, 'keep-me.txt'), 'utf8'), 'mine');
  } finally {
    cleanup();
  }
});

test('a larger scale multiplies events and songs', () => {
  const base = freshSample();
  const double = freshSample({ scale: 3 });
  try {
    assert.equal(double.result.facts.songs, 3 * base.result.facts.songs);
    const ratio = double.result.facts.events / base.result.facts.events;
    assert.ok(ratio > 2 && ratio < 4, `events grew ${ratio.toFixed(2)}×`);
  } finally {
    base.cleanup();
    double.cleanup();
  }
});
