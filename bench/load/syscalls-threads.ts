/**
 * Whether this machine's file system runs the loader's per-file calls faster on two threads:
 * `stat`, and `open`+`read`+`close`, of every file under a folder, on the main thread and then split
 * between N worker threads (started before the clock); and `fs.promises.readFile` of every file,
 * N at a time on libuv's threads, against the same reads done synchronously. Prints one line per case.
 * Usage: node dist/bench/load/syscalls-threads.js --folder bench/out/songs-20000/many [--threads 2] [--in-flight 16]
 */
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { caseArgs } from '../lib/args.js';

type Op = 'stat' | 'read';

function list(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) list(path, out);
    else out.push(path);
  }
  return out;
}

function run(op: Op, files: string[]): void {
  const buffer = Buffer.alloc(64 * 1024);
  for (const file of files) {
    if (op === 'stat') statSync(file);
    else {
      const fd = openSync(file, 'r');
      readSync(fd, buffer, 0, buffer.length, 0);
      closeSync(fd);
    }
  }
}

if (isMainThread) {
  const args = caseArgs(process.argv.slice(2));
  const files = list(args.folder, []);
  const count = Number(args.threads ?? 2);
  for (const op of ['stat', 'read'] as Op[]) {
    let start = performance.now();
    run(op, files);
    console.log(`${op} of ${files.length} files, main thread: ${(performance.now() - start).toFixed(0)} ms`);
    const workers = Array.from({ length: count }, (_, k) => new Worker(new URL(import.meta.url), { workerData: { op, files: files.filter((_, i) => i % count === k) } }));
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))));
    start = performance.now();
    workers.forEach((worker) => worker.postMessage('go'));
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('message', resolve))));
    console.log(`${op} of ${files.length} files, ${count} threads: ${(performance.now() - start).toFixed(0)} ms`);
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  const inFlight = Number(args['in-flight'] ?? 16);
  let start = performance.now();
  await readAll(files, inFlight);
  console.log(`readFile of ${files.length} files, ${inFlight} at a time on libuv's threads: ${(performance.now() - start).toFixed(0)} ms`);
  start = performance.now();
  run('read', files);
  console.log(`read of ${files.length} files, main thread, again: ${(performance.now() - start).toFixed(0)} ms`);
} else {
  const { op, files } = workerData as { op: Op; files: string[] };
  parentPort!.postMessage('ready');
  parentPort!.once('message', () => {
    run(op, files);
    parentPort!.postMessage('done');
  });
}

/** Reads every file with fs.promises.readFile, `inFlight` at a time. */
async function readAll(files: string[], inFlight: number): Promise<void> {
  let next = 0;
  const reader = async () => {
    while (next < files.length) await readFile(files[next++]);
  };
  await Promise.all(Array.from({ length: inFlight }, reader));
}
