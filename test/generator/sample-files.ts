/** Helpers the generator tests share: where things are, fresh samples, and reading a sample back. */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_OPTIONS, generateSample, type GenerateOptions, type GenerateResult } from '../../scripts/generate/generate.js';
import { tempDir as tempFolder } from '../support/temp-dir.js';

/** The repository root (tests run from dist/test/generator). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(): { path: string; cleanup: () => void } {
  const path = tempFolder('sparkify-gen-');
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
}

/** Generates into a new temp dir with the default options unless overridden. */
export function freshSample(overrides: Partial<GenerateOptions> = {}): { dir: string; result: GenerateResult; cleanup: () => void } {
  const { path, cleanup } = tempDir();
  const result = generateSample({ ...DEFAULT_OPTIONS, ...overrides, out: path });
  return { dir: path, result, cleanup };
}

/** Every file under `root` as a sorted list of `/`-separated relative paths. */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else files.push(relative(root, join(dir, entry.name)).split('\\').join('/'));
    }
  };
  walk(root);
  return files.sort();
}

/** A parsed event with the raw line it came from. */
export interface ParsedEvent {
  file: string;
  raw: string;
  event: Record<string, unknown>;
}

/** The log files of a sample, in name order. */
export function logFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.startsWith('log_data/'));
}

/** All events of a sample, file by file, line by line. */
export function readEvents(dir: string): ParsedEvent[] {
  return logFiles(dir).flatMap((file) =>
    readFileSync(join(dir, file), 'utf8').split('\n').map((raw) => ({ file, raw, event: JSON.parse(raw) as Record<string, unknown> })),
  );
}

/** A parsed song file with its path and raw text. */
export interface ParsedSong {
  file: string;
  raw: string;
  song: Record<string, unknown>;
}

/** All song files of a sample. */
export function readSongs(dir: string): ParsedSong[] {
  return listFiles(dir)
    .filter((f) => f.startsWith('song_data/'))
    .map((file) => {
      const raw = readFileSync(join(dir, file), 'utf8');
      return { file, raw, song: JSON.parse(raw) as Record<string, unknown> };
    });
}

/** The `| name | value |` rows of the README tables, by name. */
export function readmeFacts(dir: string): Map<string, string> {
  const rows = readFileSync(join(dir, 'README.md'), 'utf8').matchAll(/^\| (.+?) \| (.+?) \|$/gm);
  return new Map([...rows].map((m) => [m[1], m[2]]));
}
