/** The compile step of seeds: header and column types of each CSV file, as manifest nodes. Pure. */
import { SeedErrors } from './error-codes.js';
import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics.js';
import type { GraphNode } from '../graph/types.js';
import type { SeedConfig } from '../project/types.js';
import { parseColumnType } from '../load/column-types.js';
import { csvErrorDiagnostic } from './csv-error.js';
import { inferColumnType } from './infer-type.js';
import type { SeedFile } from './seed-files.js';
import { seedId, type SeedColumn, type SeedNode, type SeedRow } from '../manifest/seed-node.js';


/** What compiling seeds needs besides the files. */
export interface SeedContext {
  schema: string;
  configs: Record<string, SeedConfig>;
  /** Model names: a seed may not share one (ref() would be ambiguous). */
  modelNames: ReadonlySet<string>;
  /** Parse every row into the node (SeedNode.rows): the target's plan inserts them as literals. */
  keepRows?: boolean;
  /** The schema a custom `+schema` names (dbt projects: `<target schema>_<custom>`); without it, the custom schema as written. */
  schemaFor?: (custom: string) => string;
}

/** One node per seed file; problems go into `diagnostics`. */
export function compileSeeds(files: readonly SeedFile[], context: SeedContext, diagnostics: Diagnostic[]): SeedNode[] {
  const seeds: SeedNode[] = [];
  for (const file of files) {
    const name = posix.basename(file.path, '.csv');
    const report = (code: string, message: string, hint: string, line = 1) =>
      diagnostics.push({ code, message, location: { file: file.path, line }, node: seedId(name), hint });
    if (context.modelNames.has(name) || seeds.some((s) => s.name === name)) {
      report(SeedErrors.nameTaken, `seed '${name}' has the name of another model or seed`, 'ref() names must be unique across models/ and seeds/: rename one file');
      continue;
    }
    const config = context.configs[name];
    if (config?.enabled === false) continue;
    const columns = seedColumns(file, config?.columnTypes ?? {}, report);
    if (!columns) continue;
    const rows = context.keepRows ? seedRows(file, columns.length, report) : undefined;
    if (context.keepRows && !rows) continue;
    seeds.push({
      id: seedId(name), kind: 'seed', name, path: file.path,
      relation: seedRelation(name, config, context),
      columns, tags: [...new Set(config?.tags ?? [])].sort(), dependsOn: [],
      checksum: createHash('sha256').update(file.text).digest('hex'),
      ...(rows ? { rows } : {}),
      ...(file.package ? { packageName: file.package.name } : {}),
    });
  }
  return seeds;
}

type Report = (code: string, message: string, hint: string, line?: number) => void;

/** Where a seed's table is: its `+schema` and `+alias` when dbt_project.yml gives them, else the target schema and its name. */
function seedRelation(name: string, config: SeedConfig | undefined, context: SeedContext): { schema: string; identifier: string } {
  const schema = config?.schema === undefined ? context.schema : (context.schemaFor?.(config.schema) ?? config.schema);
  return { schema, identifier: config?.alias ?? name };
}

/**
 * Parses the whole file leniently (rows csv-parse refuses are skipped here: the load reports them
 * with their line, and fails without touching the table) and types each header column.
 */
function seedColumns(file: SeedFile, declared: Record<string, string>, report: Report): SeedColumn[] | undefined {
  let rows: string[][];
  try {
    rows = parse(file.text, { bom: true, skip_records_with_error: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    report(SeedErrors.malformedRow, `cannot read ${file.path}: ${(error as Error).message}`, 'check the file is CSV');
    return undefined;
  }
  const [header, ...records] = rows;
  if (!header || header.some((name) => name.trim() === '')) {
    report(SeedErrors.badHeader, `${file.path} needs a header row naming every column`, 'write the column names on the first line: level,description,is_paying');
    return undefined;
  }
  const duplicate = header.find((name, i) => header.indexOf(name) !== i);
  if (duplicate !== undefined) {
    report(SeedErrors.badHeader, `${file.path} names column '${duplicate}' twice`, 'give each column its own name');
    return undefined;
  }
  for (const [column, type] of Object.entries(declared)) {
    if (!header.includes(column)) report(SeedErrors.badColumnType, `column_types names '${column}', which ${file.path} has not`, `the columns are ${header.join(', ')}`);
    else if (!parseColumnType(type)) report(SeedErrors.badColumnType, `column '${column}' of ${file.path} has an unknown type '${type}'`, 'use integer, bigint, double precision, numeric(p,s), varchar(n), text, boolean, timestamp or date');
  }
  return header.map((name, i) => {
    const type = declared[name];
    if (type !== undefined) return { name, type, declared: true };
    return { name, type: inferColumnType(records.filter((r) => r.length === header.length).map((r) => r[i])), declared: false };
  });
}

/**
 * Every data row with the line it starts on, parsed strictly: the plan will hold them, so a
 * malformed row is a compile error at its line here, where the COPY path fails the load with it.
 */
function seedRows(file: SeedFile, headerColumns: number, report: Report): SeedRow[] | undefined {
  try {
    const records = parse(file.text, { bom: true, skip_empty_lines: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
    // info.lines is the line a record ends on; a quoted value may span lines.
    return records.slice(1).map(({ record, info }) => ({ line: info.lines - lineBreaks(record), values: record }));
  } catch (error) {
    const problem = csvErrorDiagnostic(error, file.path, seedId(posix.basename(file.path, '.csv')), headerColumns);
    report(problem.code, problem.message, problem.hint ?? '', problem.location?.line);
    return undefined;
  }
}

function lineBreaks(values: string[]): number {
  return values.reduce((n, v) => n + (v.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
}

/** ref('a_seed') renders like a model ref; this points the model's dependency at `seed.<name>`. */
export function pointRefsAtSeeds(models: { dependsOn: string[] }[], seeds: readonly SeedNode[]): void {
  const names = new Set(seeds.map((s) => s.name));
  for (const model of models) {
    model.dependsOn = model.dependsOn.map((id) => (id.startsWith('model.') && names.has(id.slice(6)) ? seedId(id.slice(6)) : id));
  }
}

/** The DAG node of a seed: no parents, selectable by name and resource_type:seed. */
export function seedGraphNode(seed: SeedNode): GraphNode {
  return { id: seed.id, kind: 'seed', name: seed.name, path: seed.path, tags: seed.tags, dependsOn: [] };
}
