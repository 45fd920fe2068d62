/** Data tests (manifest `nodes`) and unit tests (manifest `unit_tests`) in dbt's shape. */
import type { TestNode } from '../manifest/test-node.js';
import type { UnitTestNode, UnitTestRows } from '../manifest/unit-test-node.js';
import { compiledFields, compiledFile, fileHash, ownerOf, resourcePath, type NodeContext } from './manifest-shared.js';

/** dbt stores test failures (when asked) in `<target schema>_dbt_test__audit`; sparkify keeps none yet. */
const AUDIT_SCHEMA_SUFFIX = '_dbt_test__audit';

/** A generic or singular data test. */
export function dbtTest(test: TestNode, ctx: NodeContext, targetSchema: string): Record<string, unknown> {
  const generic = test.testType === 'generic';
  const config = {
    enabled: true, alias: null, schema: 'dbt_test__audit', database: null, tags: test.tags, meta: {}, group: null, materialized: 'test',
    severity: test.config.severity.toUpperCase(), store_failures: test.config.storeFailures ?? null, store_failures_as: null, where: test.config.where ?? null,
    limit: null, fail_calc: 'count(*)', warn_if: test.config.warnIf, error_if: test.config.errorIf,
  };
  const node: Record<string, unknown> = {
    database: ctx.database, schema: `${targetSchema}${AUDIT_SCHEMA_SUFFIX}`, name: test.name, resource_type: 'test',
    package_name: ownerOf(test, ctx).packageName, path: generic ? `${test.name}.sql` : resourcePath(ownerOf(test, ctx).path), original_file_path: ownerOf(test, ctx).path,
    unique_id: ctx.ids.toDbt(test.id), fqn: test.fqn, alias: test.name,
    checksum: generic ? { name: 'none', checksum: '' } : fileHash(''),
    config, tags: test.tags, description: '', columns: {}, meta: {}, group: null, docs: { show: true, node_color: null },
    patch_path: null, build_path: null, unrendered_config: {}, config_call_dict: {}, unrendered_config_call_dict: {},
    relation_name: null, raw_code: generic ? `{{ ${testMacroName(test.testName)}(**_dbt_generic_test_kwargs) }}` : ctx.readSource(test.path), doc_blocks: [],
    ...compiledFields(test.refs, test.sources, test.dependsOn, compiledFile(test.sqlPath), test.compiledSql, ctx),
  };
  if (!generic) return node;
  return {
    ...node,
    column_name: test.columnName ?? null,
    file_key_name: fileKeyName(test.attachedNode),
    attached_node: test.attachedNode ? ctx.ids.toDbt(test.attachedNode) : null,
    test_metadata: { ...testNamespace(test.testName), kwargs: kwargs(test) },
  };
}

/** `dbt_utils.equality` → the name `equality` in the namespace `dbt_utils`; a plain name has none. */
function testNamespace(testName: string | undefined): { name: string | undefined; namespace: string | null } {
  const dot = testName?.indexOf('.') ?? -1;
  return dot < 0 ? { name: testName, namespace: null } : { name: testName!.slice(dot + 1), namespace: testName!.slice(0, dot) };
}

/** The macro dbt's raw_code calls: `test_unique`, `dbt_utils.test_equality`. */
function testMacroName(testName: string | undefined): string {
  const { name, namespace } = testNamespace(testName);
  return namespace === null ? `test_${name}` : `${namespace}.test_${name}`;
}

/** `models.users` or `sources.sparkify`: where dbt found the test's declaration. */
function fileKeyName(attached: string | undefined): string | null {
  if (!attached) return null;
  const [kind, name] = attached.split('.');
  return kind === 'source' ? `sources.${name}` : `${kind}s.${name}`;
}

function kwargs(test: TestNode): Record<string, unknown> {
  const args: Record<string, unknown> = { ...(test.args ?? {}) };
  if (test.columnName !== undefined) args.column_name = test.columnName;
  const [kind, ...rest] = (test.attachedNode ?? '').split('.');
  const relation = kind === 'source' ? `source('${rest[0]}', '${rest.slice(1).join('.')}')` : `ref('${rest.join('.')}')`;
  args.model = `{{ get_where_subquery(${relation}) }}`;
  return args;
}

/** A unit test (dbt 1.8's UnitTestDefinition). */
export function dbtUnitTest(unit: UnitTestNode, ctx: NodeContext): Record<string, unknown> {
  return {
    model: unit.model,
    given: unit.inputs.map((input) => ({ input: input.input, rows: rowDicts(input.given), format: 'dict', fixture: null })),
    expect: { rows: rowDicts(unit.expect), format: 'dict', fixture: null },
    name: unit.name, resource_type: 'unit_test', package_name: ctx.projectName, path: resourcePath(unit.path),
    original_file_path: unit.path, unique_id: ctx.ids.toDbt(unit.id), fqn: unit.fqn, description: unit.description ?? '',
    overrides: unit.overrides ? { macros: unit.overrides.macros, vars: unit.overrides.vars, env_vars: unit.overrides.envVars } : null,
    depends_on: { macros: [], nodes: unit.dependsOn.map((id) => ctx.ids.toDbt(id)) },
    config: { tags: unit.tags, meta: {}, enabled: true },
    checksum: null, schema: null, versions: null, version: null,
  };
}

function rowDicts(rows: UnitTestRows): Record<string, string | null>[] {
  return rows.rows.map((row) => Object.fromEntries(rows.columns.map((column, index) => [column, row.values[index]])));
}

