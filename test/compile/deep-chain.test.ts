/**
 * Issue 14, depth: a project whose models form one chain 50,000 deep compiles (refs rendered,
 * manifest and graph built) without exhausting the stack, and orders root first. test/graph's
 * deep-chain test covers ordering and selection alone; this one goes through compile.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { after, test } from 'node:test';
import { compileProject } from '../../src/compile/compile-project.js';
import { readProjectFiles } from '../../src/project/project-files.js';
import { loadProject } from '../../src/project/index.js';
import { writeProject } from './fixture.js';

const DEPTH = 50_000;
const name = (i: number) => `m${String(i).padStart(5, '0')}`;

const files: Record<string, string> = {};
for (let i = 0; i < DEPTH; i++) files[`models/${name(i)}.sql`] = i + 1 < DEPTH ? `select x from {{ ref('${name(i + 1)}') }}\n` : 'select 1 as x\n';
const root = writeProject(files);
after(() => rmSync(root, { recursive: true, force: true }));

test('a chain of 50,000 models compiles, root first and m00000 last', () => {
  const project = loadProject(root, { env: {} });
  // compile throws its diagnostics together: returning at all means none.
  const { manifest, graph } = compileProject({ project, files: readProjectFiles(root, project.config.modelPaths, project.config.macroPaths), env: {} });
  assert.equal(Object.keys(manifest.nodes).filter((id) => id.startsWith('model.')).length, DEPTH);
  assert.equal(graph.order[0], `model.${name(DEPTH - 1)}`);
  assert.equal(graph.order.at(-1), 'model.m00000');
  const first = manifest.nodes['model.m00000'];
  assert.equal(first.kind, 'model');
  assert.match(first.kind === 'model' ? first.compiledSql : '', /"m00001"/);
});
