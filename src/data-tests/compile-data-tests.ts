/**
 * The data-test part of compile: reads the schema files, puts their descriptions on the models and
 * compiles every generic and singular test into a test node. Pure: the files are read beforehand.
 */
import type nunjucks from 'nunjucks';
import type { SqlQuoting } from '../sql/quote.js';
import { closestName, type Diagnostic } from '../diagnostics.js';
import type { SourceNode } from '../manifest/manifest.js';
import type { PackageRef, TemplateFile } from '../project/project-files.js';
import type { RenderScope } from '../jinja/render-scope.js';
import type { ColumnInfo, TestNode } from '../manifest/test-node.js';
import type { GraphNode } from '../graph/types.js';
import type { ScopeContext } from '../config/read-scope.js';
import { readSchemaFile } from '../project/read-schema-files.js';
import type { ModelDoc } from '../project/schema-types.js';
import { compileGenericTest, type DeclaredTest } from './compile-generic-test.js';
import { compileSingularTest } from './compile-singular-test.js';
import { TestErrors } from './error-codes.js';
import { testFqn, type RefNode, type TestCompileContext, type TestedNode } from './test-context.js';
import { withFolderTestConfig } from '../project/dbt/test-folder-configs.js';
import type { TestConfigSpec } from '../project/schema-types.js';
import type { SourceTable } from '../project/types.js';
import { findTestMacros } from './test-macros.js';

/** The files data tests come from, read before compile. */
export interface DataTestFiles {
  /** `*.yml` / `*.yaml` under the model paths. */
  schemas: TemplateFile[];
  /** `*.sql` under the test paths, except `generic/`. */
  singular: TemplateFile[];
  /** `*.sql` under `<test path>/generic/`: macro files defining custom generic tests. */
  generic: TemplateFile[];
  /** `*.csv` under `<test path>/fixtures/`: rows of unit tests (`fixture:`); absent, none. */
  fixtures?: TemplateFile[];
}

/** What compile hands over: the environment with every macro registered, and the compiled models. */
export interface DataTestInput {
  files: DataTestFiles;
  env: nunjucks.Environment;
  scopes: { enter(scope: RenderScope): void };
  projectName: string;
  target: { name: string; type: string; schema: string };
  /** How the target's engine quotes identifiers and literals. */
  quoting: SqlQuoting;
  /** vars and environment, for templated values in schema files. */
  readContext: ScopeContext;
  /** Enabled models, snapshots and seeds; schema files add their descriptions and columns to these. */
  models: RefNode[];
  /** Every model, snapshot and seed name, disabled ones included (tests on a disabled model are left out silently). */
  modelNames: ReadonlySet<string>;
  /** Models that failed to compile (their error is reported): refs to them are not reported again. */
  failedModels?: ReadonlySet<string>;
  sources: SourceNode[];
  /** The source tables as read, with the tests schema files declare on them and their columns. */
  sourceTables?: SourceTable[];
  /** Every macro file (macros/ and tests/generic/), where `test_<name>` macros are looked for. */
  macroFiles: TemplateFile[];
  /** Where schema files' warnings go (dbt keys read past, SPK040). */
  warn?(diagnostic: Diagnostic): void;
  /** dbt_project.yml's `data_tests:` configs at a folder path (project, folders). */
  folderConfig?: (path: string[]) => TestConfigSpec;
}

/** Compiles the project's data tests; problems go into `diagnostics`. */
export function compileDataTests(input: DataTestInput, diagnostics: Diagnostic[]): TestNode[] {
  const ctx: TestCompileContext = {
    env: input.env,
    scopes: input.scopes,
    projectName: input.projectName,
    target: input.target,
    quoting: input.quoting,
    models: new Map(input.models.map((model) => [model.name, model])),
    failedModels: input.failedModels ?? new Set(),
    sources: new Map(input.sources.map((source) => [`${source.sourceName}.${source.name}`, source])),
    macros: findTestMacros(input.macroFiles),
    report: (diagnostic) => diagnostics.push(diagnostic),
    ...(input.folderConfig ? { folderConfig: input.folderConfig } : {}),
  };
  const declared = [...readDocs(input, ctx).flatMap(({ file, doc, package: pkg }) => declaredTests(file, doc, ctx, pkg)), ...sourceTests(input, ctx)]
    .map((test) => withFolderConfig(test, ctx));
  const generic = declared.filter((test) => test.spec.config.enabled !== false).map((test) => compileGenericTest(test, ctx));
  const singular = input.files.singular.map((file) => compileSingularTest(file, ctx));
  return uniqueTests([...generic, ...singular].filter((test): test is TestNode => test !== undefined), ctx);
}

/** A generic test takes the `data_tests:` configs of its schema file's folder under its own. */
function withFolderConfig(test: DeclaredTest, ctx: TestCompileContext): DeclaredTest {
  if (!ctx.folderConfig) return test;
  const folder = ctx.folderConfig(testFqn(ctx.projectName, test.file, '', test.package).slice(0, -1));
  return { ...test, spec: { ...test.spec, config: withFolderTestConfig(test.spec.config, folder) } };
}

/** A model's docs and the schema file they are written in. */
interface DocumentedModel {
  file: string;
  doc: ModelDoc;
  /** The package whose schema file it is (absent: the project's). */
  package?: PackageRef;
}

/** Reads every schema file and keeps the docs of enabled models; unknown and repeated models are reported. */
function readDocs(input: DataTestInput, ctx: TestCompileContext): DocumentedModel[] {
  const seen = new Map<string, DocumentedModel>();
  for (const file of input.files.schemas) {
    const read = readSchemaFile(file.path, file.source, input.readContext);
    read.diagnostics.forEach(ctx.report);
    for (const warning of read.warnings ?? []) input.warn?.(warning);
    for (const doc of read.models) {
      if (!doc.name || !knownModel(doc, input.modelNames, ctx)) continue;
      const earlier = seen.get(doc.name);
      if (earlier && earlier.file !== file.path) documentedTwice(doc, earlier, ctx);
      else if (!earlier && ctx.models.has(doc.name)) seen.set(doc.name, { file: file.path, doc, package: file.package });
    }
  }
  for (const { doc } of seen.values()) applyDocs(ctx.models.get(doc.name)!, doc);
  return [...seen.values()];
}

function knownModel(doc: ModelDoc, names: ReadonlySet<string>, ctx: TestCompileContext): boolean {
  if (names.has(doc.name)) return true;
  const close = closestName(doc.name, names);
  ctx.report({
    code: TestErrors.unknownModel,
    message: `${doc.at.file} documents model '${doc.name}', which does not exist`,
    location: doc.at,
    hint: close ? `did you mean '${close}'?` : 'a model is a .sql file under models/; its name is the file name',
  });
  return false;
}

function documentedTwice(doc: ModelDoc, earlier: DocumentedModel, ctx: TestCompileContext): void {
  ctx.report({
    code: TestErrors.modelDocumentedTwice,
    message: `model '${doc.name}' is documented in ${earlier.file} (line ${earlier.doc.at.line}) and again here`,
    location: doc.at,
    hint: 'keep one entry per model: merge the two',
  });
}

/** The schema file's description wins over config(description=...); columns come in written order. */
function applyDocs(model: RefNode, doc: ModelDoc): void {
  if (doc.description !== undefined) model.description = doc.description;
  if (doc.columns.length === 0) return;
  // A seed's `columns` are its CSV's typed columns; its documented ones go beside them.
  if (model.kind === 'seed') model.columnDocs = columnInfos(doc.columns);
  else model.columns = columnInfos(doc.columns);
}

/** Documented columns as the manifest records them, in written order. */
export function columnInfos(docs: ModelDoc['columns']): Record<string, ColumnInfo> {
  const columns: Record<string, ColumnInfo> = {};
  for (const column of docs) {
    const info: ColumnInfo = { name: column.name, tags: column.tags };
    if (column.description !== undefined) info.description = column.description;
    if (column.dataType !== undefined) info.dataType = column.dataType;
    columns[column.name] = info;
  }
  return columns;
}

/** The tests schema files declare on source tables and their columns. */
function sourceTests(input: DataTestInput, ctx: TestCompileContext): DeclaredTest[] {
  return (input.sourceTables ?? []).flatMap((table) => {
    const node = ctx.sources.get(`${table.sourceName}.${table.name}`);
    if (!node) return [];
    const file = table.position.file;
    return [
      ...(table.tests ?? []).map((spec) => ({ spec, file, model: node as TestedNode })),
      ...(table.columnDocs ?? []).flatMap((column) => column.tests.map((spec) => ({ spec, file, model: node as TestedNode, column }))),
    ];
  });
}

function declaredTests(file: string, doc: ModelDoc, ctx: TestCompileContext, pkg?: PackageRef): DeclaredTest[] {
  const model = ctx.models.get(doc.name)!;
  return [
    ...doc.tests.map((spec) => ({ spec, file, model, package: pkg })),
    ...doc.columns.flatMap((column) => column.tests.map((spec) => ({ spec, file, model, column, package: pkg }))),
  ];
}

/** A second test with a name already taken is reported and left out. */
function uniqueTests(tests: TestNode[], ctx: TestCompileContext): TestNode[] {
  const byId = new Map<string, TestNode>();
  for (const test of tests) {
    const first = byId.get(test.id);
    if (!first) {
      byId.set(test.id, test);
      continue;
    }
    ctx.report({
      code: TestErrors.duplicateTest,
      message: `two tests are named '${test.name}': ${first.path}:${first.line} and ${test.path}:${test.line}`,
      location: { file: test.path, line: test.line },
      node: test.id,
      hint: 'give one of them another name with `name:` (or rename the singular test file)',
    });
  }
  return [...byId.values()];
}

/** A test as a node of the DAG. */
export function testGraphNode(test: TestNode): GraphNode {
  const node: GraphNode = {
    id: test.id, kind: 'test', name: test.name, path: test.path, line: test.line, tags: test.tags,
    testType: test.testType, dependsOn: test.dependsOn,
  };
  if (test.testName !== undefined) node.testName = test.testName;
  return node;
}
