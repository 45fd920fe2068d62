import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createProgressReporter, formatBytes, reportLoad } from '../../src/load/progress.js';
import type { LoadProgress } from '../../src/load/types.js';

/** A stream that records what is written, posing as a terminal or not. */
function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; output: () => string } {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (data: Buffer) => (written += data.toString()));
  Object.assign(stream, { isTTY, columns: 120 });
  return { stream: stream as unknown as NodeJS.WriteStream, output: () => written };
}

const tick = (filesDone: number, rows: number, bytesRead: number): LoadProgress => ({ filesDone, filesTotal: 30, rows, bytesRead, bytesTotal: 3_755_598 });

async function settle(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

test('off a terminal: a plain line at most every interval, then a final line', async () => {
  const { stream, output } = fakeStream(false);
  let now = 0;
  const reporter = createProgressReporter('staging_events', stream, { intervalMs: 5000, now: () => now });
  for (const [at, files, rows] of [
    [100, 1, 100],
    [2000, 5, 1000],
    [5200, 10, 2500],
    [6000, 11, 2700],
    [10300, 20, 5000],
  ]) {
    now = at;
    reporter.update(tick(files, rows, files * 100_000));
  }
  now = 12_000;
  reporter.update(tick(30, 8056, 3_755_598));
  reporter.stop();
  await settle();
  assert.deepEqual(output().split('\n'), [
    'staging_events: 10/30 files, 2,500 rows, 976.6 KB of 3.6 MB',
    'staging_events: 20/30 files, 5,000 rows, 1.9 MB of 3.6 MB',
    'staging_events: done, 30/30 files, 8,056 rows, 3.6 MB of 3.6 MB in 12.0 s',
    '',
  ]);
});

test('on a terminal: a cli-progress bar with files, rows and bytes; NO_COLOR turns colour off', async () => {
  const saved = process.env.NO_COLOR;
  try {
    for (const noColor of [undefined, '1']) {
      if (noColor === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = noColor;
      const { stream, output } = fakeStream(true);
      const reporter = createProgressReporter('staging_events', stream);
      reporter.update(tick(3, 800, 400_000));
      reporter.update(tick(30, 8056, 3_755_598));
      reporter.stop();
      await settle();
      const text = output();
      assert.match(text, /staging_events/);
      assert.match(text, /30\/30 files \| 8,056 rows \| 3\.6 MB of 3\.6 MB/);
      assert.equal(text.includes('\x1b[36m'), noColor === undefined, `colour with NO_COLOR=${noColor}`);
    }
  } finally {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  }
});

test('stop without any update prints nothing', async () => {
  for (const isTTY of [false, true]) {
    const { stream, output } = fakeStream(isTTY);
    createProgressReporter('x', stream).stop();
    await settle();
    assert.equal(output(), '');
  }
});

test('formatBytes uses binary multiples', () => {
  assert.equal(formatBytes(512), '512 B');
  assert.equal(formatBytes(1536), '1.5 KB');
  assert.equal(formatBytes(3_755_598), '3.6 MB');
});

// Regression: an interrupted or failed load used to end on "done", as if every file had been read.
test('a load that did not finish ends on "failed" or "interrupted", never "done"', async () => {
  for (const outcome of ['failed', 'interrupted'] as const) {
    const { stream, output } = fakeStream(false);
    let now = 0;
    const reporter = createProgressReporter('staging_events', stream, { intervalMs: 5000, now: () => now });
    reporter.update(tick(10, 2500, 1_000_000));
    now = 3000;
    reporter.stop(outcome);
    await settle();
    assert.equal(output(), `staging_events: ${outcome} after 3.0 s, at 10/30 files, 2,500 rows, 976.6 KB of 3.6 MB\n`);
  }
  const { stream, output } = fakeStream(true);
  const bar = createProgressReporter('staging_events', stream);
  bar.update(tick(10, 2500, 1_000_000));
  bar.stop('interrupted');
  await settle();
  assert.match(output(), /10\/30 files[^]*staging_events(\x1b\[39m)?: interrupted\n$/);
});

/** Chunks of a source: `count` of them, then an error when `failAt` is reached. */
async function* chunksOf(count: number, failAt?: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new Error('bad record');
    yield Buffer.from(`${i}\n`);
  }
}

/** Reads a reported load as executePlans does, stopping early when `stopAfter` chunks were read. */
async function drain(chunks: AsyncIterable<Buffer>, stopAfter = Infinity): Promise<string> {
  let read = 0;
  try {
    for await (const chunk of chunks) {
      if (++read >= stopAfter) break;
      void chunk;
    }
  } catch (error) {
    return (error as Error).message;
  }
  return `read ${read}`;
}

test('reportLoad tells a finished load from a failed, an abandoned and an interrupted one', async () => {
  const outcomes: Array<string | undefined> = [];
  const reporter = { update() {}, stop: (outcome?: string) => void outcomes.push(outcome) };
  assert.equal(await drain(reportLoad(chunksOf(3), reporter)), 'read 3');
  assert.equal(await drain(reportLoad(chunksOf(3, 1), reporter)), 'bad record');
  // The database rejected the COPY: the executor stops reading without Ctrl-C.
  assert.equal(await drain(reportLoad(chunksOf(3), reporter, new AbortController().signal), 1), 'read 1');
  const controller = new AbortController();
  controller.abort();
  assert.equal(await drain(reportLoad(chunksOf(3), reporter, controller.signal), 2), 'read 2');
  assert.deepEqual(outcomes, ['done', 'failed', 'failed', 'interrupted']);
});
