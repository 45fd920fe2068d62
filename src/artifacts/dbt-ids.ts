/**
 * dbt's unique ids for the nodes of sparkify's manifest. sparkify keeps its short ids in memory
 * (`model.users`); the artifacts carry dbt's (`model.sparkify.users`), and `retry`/`--state`, which
 * read artifacts back, map them home with `DbtIdMap`.
 */
import { createHash } from 'node:crypto';
import type { Manifest, ManifestNode } from '../manifest/manifest.js';
import type { TestNode } from '../manifest/test-node.js';
import { hashable, pythonRepr } from './python-repr.js';

/** Length of the hash dbt appends to a generic test's id. */
const TEST_HASH_LENGTH = 10;

/** The ids of the project-level hook plans (see plan/run-plan.ts). */
const HOOK_IDS: Record<string, string> = { 'run.on_run_start': 'on-run-start', 'run.on_run_end': 'on-run-end' };

/** dbt's unique_id of a node: `model.<project>.<name>`, `test.<project>.<name>.<hash>`, ... */
export function dbtUniqueId(node: ManifestNode, rootName: string): string {
  // A node of an installed package carries its package's name (`model.dbt_utils.x`).
  const projectName = ('packageName' in node ? node.packageName : undefined) ?? rootName;
  switch (node.kind) {
    case 'source':
      return `source.${projectName}.${node.sourceName}.${node.name}`;
    case 'unit_test':
      return `unit_test.${projectName}.${node.model}.${node.name}`;
    case 'test':
      return node.testType === 'generic' ? `test.${projectName}.${node.name}.${genericTestHash(node)}` : `test.${projectName}.${node.name}`;
    default:
      return `${node.kind}.${projectName}.${node.name}`;
  }
}

/** dbt's id of an on-run-start/on-run-end hook (`operation.<project>.<project>-on-run-start-0`). */
export function dbtHookId(internalId: string, projectName: string, index = 0): string | undefined {
  const event = HOOK_IDS[internalId];
  return event === undefined ? undefined : `operation.${projectName}.${projectName}-${event}-${index}`;
}

/**
 * The hash dbt gives a generic test: the last 10 hex digits of md5(name + repr(metadata)), where
 * the metadata is the test's name, namespace and keyword arguments (the tested relation as dbt
 * writes it, `column_name`, and the arguments as written in the schema file).
 */
export function genericTestHash(test: TestNode): string {
  const kwargs: Record<string, unknown> = { ...(test.args ?? {}) };
  if (test.columnName !== undefined) kwargs.column_name = test.columnName;
  kwargs.model = `{{ get_where_subquery(${relationCall(test.attachedNode ?? '')}) }}`;
  const metadata = { namespace: null, name: test.testName ?? test.name, kwargs };
  const text = test.name + pythonRepr(hashable(metadata));
  return createHash('md5').update(text, 'utf8').digest('hex').slice(-TEST_HASH_LENGTH);
}

/** `ref('users')` or `source('sparkify', 'staging_events')` for an internal node id. */
function relationCall(id: string): string {
  const [kind, ...rest] = id.split('.');
  if (kind === 'source') return `source('${rest[0]}', '${rest.slice(1).join('.')}')`;
  return `ref('${rest.join('.')}')`;
}

/** Both directions between sparkify's node ids and dbt's, for one manifest. */
export class DbtIdMap {
  private readonly toDbtIds = new Map<string, string>();
  private readonly fromDbtIds = new Map<string, string>();

  constructor(readonly manifest: Manifest) {
    for (const node of Object.values(manifest.nodes)) this.add(node.id, dbtUniqueId(node, manifest.projectName));
    for (const id of Object.keys(HOOK_IDS)) this.add(id, dbtHookId(id, manifest.projectName)!);
  }

  /** dbt's id of an internal id; the id itself when it is not a node (never expected). */
  toDbt(id: string): string {
    return this.toDbtIds.get(id) ?? id;
  }

  /** The internal id of a dbt id, or undefined when this manifest has no such node. */
  fromDbt(dbtId: string): string | undefined {
    return this.fromDbtIds.get(dbtId);
  }

  private add(internal: string, dbt: string): void {
    this.toDbtIds.set(internal, dbt);
    this.fromDbtIds.set(dbt, internal);
  }
}
