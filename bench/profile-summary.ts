/**
 * Summarizes a V8 CPU profile (`node --cpu-prof`): self time per function and per file, top N.
 * Usage: node dist/bench/profile-summary.js PROFILE.cpuprofile [--top 25]
 */

import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self milliseconds per key, biggest first. */
function selfTimes(profile: Profile, keyOf: (node: ProfileNode) => string): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const key = keyOf(byId.get(id)!);
    totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/** Total (self + callees) milliseconds per function, each sample counted once per function on its stack. */
function totalTimes(profile: Profile, keyOf: (node: ProfileNode) => string): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const keys = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) keys.add(keyOf(byId.get(at)!));
    for (const key of keys) totals.set(key, (totals.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...totals].sort((a, b) => b[1] - a[1]);
}

function shortUrl(url: string): string {
  return url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/') || '(native)';
}

const [file, , topText] = process.argv.slice(2);
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const total = profile.timeDeltas.reduce((sum, d) => sum + d, 0) / 1000;
const print = (title: string, rows: Array<[string, number]>) => {
  console.log(`\n${title}`);
  for (const [key, ms] of rows.slice(0, top)) console.log(`${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`);
};
console.log(`total ${total.toFixed(0)} ms`);
print('self time by file', selfTimes(profile, (n) => shortUrl(n.callFrame.url)));
const functionKey = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
print('self time by function', selfTimes(profile, functionKey));
print('total time by function (with callees)', totalTimes(profile, functionKey));
