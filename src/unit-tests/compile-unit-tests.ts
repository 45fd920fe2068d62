/**
 * The unit-test part of compile: reads `unit_tests:` from the schema files, checks each against
 * its model, renders the model with the test's overrides and records the rows. Pure.
 */
import { posix } from 'node:path';
import { closestName, type Diagnostic } from '../diagnostics.js';
import type { ModelNode, SourceNode } from '../manifest/manifest.js';
import type { TemplateFile } from '../project/project-files.js';
import type { GraphNode } from '../graph/types.js';
import type { ScopeContext } from '../config/read-scope.js';
import { readUnitTests } from '../project/read-unit-tests.js';
import type { UnitTestSpec } from '../project/unit-test-spec.js';
import type { SeedNode } from '../manifest/seed-node.js';
import { UnitTestErrors } from './error-codes.js';
import { fixtureIds, RelationNodes, resolveInputs } from './resolve-inputs.js';
import { normalizeRows } from './normalize-rows.js';
import { renderWithOverrides, type RenderContext } from './render-with-overrides.js';
import { unitTestId, unitTestLabel, type UnitTestNode } from '../manifest/unit-test-node.js';

/** What compile hands over. */
export interface UnitTestCompileInput extends RenderContext {
  /** The schema files (`models/**\/*.yml`) and the CSV files under tests/fixtures/. */
  schemas: readonly TemplateFile[];
  fixtures: readonly TemplateFile[];
  projectName: string;
  /** vars and environment, for templated values in schema files. */
  readContext: ScopeContext;
  /** Enabled models, their refs already pointed at seeds. */
  models: readonly ModelNode[];
  /** Every model file by name, disabled ones included (their unit tests are left out silently). */
  modelFiles: ReadonlyMap<string, TemplateFile>;
  sources: readonly SourceNode[];
  seeds: readonly SeedNode[];
}

/** The unit tests, and their renders as models for resolveRelations (which resolves them in place). */
export interface CompiledUnitTests {
  /** The nodes, their SQL not resolved yet (empty): enough for the graph. */
  nodes: UnitTestNode[];
  renders: ModelNode[];
  /** The nodes, each with the SQL of its render once resolveRelations has run. */
  resolved(): UnitTestNode[];
}

/** Compiles every enabled unit test; problems go into `diagnostics`. */
export function compileUnitTests(input: UnitTestCompileInput, diagnostics: Diagnostic[]): CompiledUnitTests {
  const report = (d: Diagnostic) => diagnostics.push(d);
  const nodes = new RelationNodes(input.models, input.sources, input.seeds);
  const compiled: { node: UnitTestNode; render: ModelNode }[] = [];
  const seen = new Set<string>();
  for (const schema of input.schemas) {
    const read = readUnitTests(schema.path, schema.source, input.readContext);
    read.diagnostics.forEach(report);
    for (const spec of read.unitTests) {
      if (!spec.enabled || !knownModel(spec, input, report)) continue;
      const model = nodes.model(spec.model);
      if (!model) continue; // disabled
      if (seen.has(unitTestId(spec.model, spec.name))) {
        report({ code: UnitTestErrors.duplicateName, message: `model '${spec.model}' has two unit tests named '${spec.name}'`, location: spec.at, hint: 'give each unit test of a model its own name' });
        continue;
      }
      seen.add(unitTestId(spec.model, spec.name));
      const one = compileOne(spec, model, nodes, input, report);
      if (one) compiled.push(one);
    }
  }
  return {
    nodes: compiled.map((c) => c.node),
    renders: compiled.map((c) => c.render),
    resolved: () => compiled.map(({ node, render }) => ({ ...node, compiledSql: render.compiledSql })),
  };
}

function knownModel(spec: UnitTestSpec, input: UnitTestCompileInput, report: (d: Diagnostic) => void): boolean {
  if (input.modelFiles.has(spec.model)) return true;
  const close = closestName(spec.model, input.modelFiles.keys());
  report({
    code: UnitTestErrors.unknownModel,
    message: `unit test '${spec.name}' tests model '${spec.model}', which does not exist`,
    location: spec.modelAt,
    hint: close ? `did you mean '${close}'?` : 'a model is a .sql file under models/; its name is the file name',
  });
  return false;
}

function compileOne(
  spec: UnitTestSpec, model: ModelNode, nodes: RelationNodes, input: UnitTestCompileInput, report: (d: Diagnostic) => void,
): { node: UnitTestNode; render: ModelNode } | undefined {
  const label = unitTestLabel(spec);
  const render = renderWithOverrides(input, model, input.modelFiles.get(model.name)!, spec.overrides, label, report);
  if (!render) return undefined;
  const inputs = resolveInputs(spec, model, render, nodes, input.fixtures, report);
  const expect = normalizeRows(spec.expect!, `expect of unit test ${label}`, input.fixtures, report);
  if (!inputs || !expect) return undefined;
  const id = unitTestId(spec.model, spec.name);
  const node: UnitTestNode = {
    id, kind: 'unit_test', name: spec.name, model: spec.model,
    path: spec.at.file, line: spec.at.line,
    fqn: [input.projectName, ...posix.dirname(model.path).split('/').slice(1), spec.model, spec.name],
    tags: spec.tags,
    dependsOn: [model.id],
    fixtures: fixtureIds(model, render, nodes),
    inputs, expect,
    compiledSql: '',
  };
  if (spec.description !== undefined) node.description = spec.description;
  if (spec.overrides) node.overrides = { macros: spec.overrides.macros, vars: spec.overrides.vars, envVars: spec.overrides.envVars };
  // A model of its own (named by the test's id, so no ref can reach it) that resolveRelations
  // resolves like the others: relations quoted, ephemeral models inlined as CTEs.
  const asModel: ModelNode = { ...model, id, name: id, refs: render.refs, sources: render.sources, compiledSql: render.sql, incremental: undefined, hooks: undefined };
  return { node, render: asModel };
}

/** A unit test as a node of the DAG: a child of its model, selected with it. */
export function unitTestGraphNode(node: UnitTestNode): GraphNode {
  return {
    id: node.id, kind: 'unit_test', name: node.name, path: node.path, line: node.line, tags: node.tags,
    testType: 'unit', dependsOn: node.dependsOn,
  };
}
