/**
 * Finds where a value sits in a record's text, by path. Used only to report a bad value's line and
 * column, so the happy path never pays for it. Assumes the text parsed as JSON.
 */

import type { PathSegment } from './jsonpath.js';

/** Offset of the value at `path` in `text` (the last one when a key repeats), or undefined. */
export function locateValue(text: string, path: readonly PathSegment[], from = 0): number | undefined {
  let at = skipSpace(text, from);
  for (const segment of path) {
    const found = typeof segment === 'number' ? findItem(text, at, segment) : findMember(text, at, segment);
    if (found === undefined) return undefined;
    at = found;
  }
  return at;
}

function findMember(text: string, at: number, key: string): number | undefined {
  if (text[at] !== '{') return undefined;
  let found: number | undefined;
  let i = skipSpace(text, at + 1);
  while (text[i] === '"') {
    const keyEnd = valueEnd(text, i);
    const valueAt = skipSpace(text, skipSpace(text, keyEnd) + 1); // past the colon
    if (readKey(text.slice(i, keyEnd)) === key) found = valueAt;
    i = skipSpace(text, valueEnd(text, valueAt));
    if (text[i] !== ',') break;
    i = skipSpace(text, i + 1);
  }
  return found;
}

function findItem(text: string, at: number, index: number): number | undefined {
  if (text[at] !== '[') return undefined;
  let i = skipSpace(text, at + 1);
  for (let k = 0; i < text.length && text[i] !== ']'; k++) {
    if (k === index) return i;
    i = skipSpace(text, valueEnd(text, i));
    if (text[i] !== ',') return undefined;
    i = skipSpace(text, i + 1);
  }
  return undefined;
}

function readKey(quoted: string): string | undefined {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return undefined;
  }
}

/** Index just past the value starting at `i`. */
function valueEnd(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return stringEnd(text, i);
  if (c === '{' || c === '[') return containerEnd(text, i);
  while (i < text.length && !',}] \t\r\n'.includes(text[i])) i++;
  return i;
}

function stringEnd(text: string, quote: number): number {
  for (let i = quote + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function containerEnd(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '"') i = stringEnd(text, i) - 1;
    else if (c === '{' || c === '[') depth++;
    else if ((c === '}' || c === ']') && --depth === 0) return i + 1;
  }
  return text.length;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && ' \t\r\n'.includes(text[i])) i++;
  return i;
}
