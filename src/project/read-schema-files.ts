/**
 * Schema files (`models/**\/*.yml`, dbt's `schema.yml` shape): model and column descriptions and
 * the data tests declared on them. Problems are returned as diagnostics rather than thrown, so
 * compile reports them together with the template errors.
 */
import { isMap } from 'yaml';
import { SparkifyError, type Diagnostic } from '../diagnostics.js';
import { assignDefined } from '../config/assign-defined.js';
import { ProjectErrors } from '../config/error-codes.js';
import { MapReader } from '../config/map-reader.js';
import { describe } from '../config/node-values.js';
import { ReadScope, type ScopeContext } from '../config/read-scope.js';
import { readTestList } from './read-test-entry.js';
import { readModelConfig } from './read-model-config.js';
import type { ColumnDoc, ModelDoc } from './schema-types.js';
import { reportDuplicates } from '../config/unique-names.js';
import { integer, nonEmptyText, text, textList } from '../config/value-kinds.js';
import { parseYamlSource, type YamlSource } from '../config/yaml-source.js';

// unit_tests: are read by read-unit-tests.ts, sources: by the project reader (schema-sources/).
const topKeys = ['version', 'models', 'unit_tests', 'snapshots', 'seeds', 'sources'];
/** dbt's other top-level keys: read past with a warning (SPK040), never a failure. */
const notAppliedTopKeys = ['macros', 'exposures', 'metrics', 'semantic_models', 'saved_queries', 'analyses', 'groups'];
const modelKeys = ['name', 'description', 'columns', 'data_tests', 'tests', 'config'];
/** dbt's other keys of a model, seed or snapshot entry: warned about, not applied. */
const notAppliedModelKeys = ['meta', 'docs', 'access', 'constraints', 'versions', 'latest_version', 'group', 'deprecation_date', 'tags'];
const columnKeys = ['name', 'description', 'data_type', 'tags', 'data_tests', 'tests'];
/** dbt's other keys of a column: accepted and ignored (they change nothing sparkify builds). */
const ignoredColumnKeys = ['meta', 'quote', 'config', 'docs', 'constraints', 'granularity'];

/** What one schema file declares, and what is wrong with it. */
export interface SchemaFileRead {
  models: ModelDoc[];
  diagnostics: Diagnostic[];
  /** dbt keys read past without being applied (SPK040). */
  warnings?: Diagnostic[];
}

/** Parses one schema file (`file` is its project-relative path, for positions). */
export function readSchemaFile(file: string, text: string, context: ScopeContext): SchemaFileRead {
  let source: YamlSource;
  try {
    source = parseYamlSource(file, text);
  } catch (error) {
    if (error instanceof SparkifyError) return { models: [], diagnostics: error.diagnostics };
    throw error;
  }
  const contents = source.document.contents;
  if (contents === null) return { models: [], diagnostics: [] };
  if (!isMap(contents)) return { models: [], diagnostics: [notAMapping(source, describe(contents))] };
  const top = new MapReader(new ReadScope(source, context), contents, source.position(contents), file);
  top.checkKeys([...topKeys, ...notAppliedTopKeys]);
  for (const key of notAppliedTopKeys) if (top.has(key)) notApplied(top, key);
  top.get('version', integer(1));
  // dbt documents snapshots under `snapshots:` and seeds under `seeds:`; they are tested like models.
  const models = [
    ...(top.items('models', 'model') ?? []).map((reader) => readModel(reader, true)),
    ...[...(top.items('snapshots', 'snapshot') ?? []), ...(top.items('seeds', 'seed') ?? [])].map((reader) => readModel(reader, false)),
  ];
  const named = models.filter((model) => model.name).map((model) => ({ name: model.name, at: model.at }));
  reportDuplicates(source, named, 'model', ` in ${file}`);
  return { models, diagnostics: sortByPosition(source.diagnostics), warnings: source.warnings };
}

/** Warns (SPK040) about a dbt key that sparkify reads past without applying it. */
function notApplied(reader: MapReader, key: string): void {
  reader.scope.source.warnings.push({
    code: ProjectErrors.dbtUnsupported,
    message: `\`${key}\` in ${reader.what} is not supported yet`,
    location: reader.keyAt(key),
    hint: 'sparkify ignores it; the rest of the project builds',
  });
}

/** A model, seed or snapshot entry; `config:` is applied to models only (seeds and snapshots: SPK040). */
function readModel(reader: MapReader, isModel: boolean): ModelDoc {
  const name = reader.require('name', nonEmptyText) ?? '';
  const model = name ? reader.named(`model '${name}'`, reader.scope.forNode(`model.${name}`)) : reader;
  model.checkKeys([...modelKeys, ...notAppliedModelKeys]);
  for (const key of notAppliedModelKeys) if (model.has(key)) notApplied(model, key);
  if (!isModel && model.has('config')) notApplied(model, 'config');
  const doc: ModelDoc = { name, columns: readColumnDocs(model), tests: readTestList(model), at: reader.valueAt('name') };
  return assignDefined(doc, { description: model.get('description', text), config: isModel ? readModelConfig(model) : undefined });
}

/** The documented columns of a model, seed, snapshot or source table, in written order. */
export function readColumnDocs(model: MapReader): ColumnDoc[] {
  const columns = (model.items('columns', 'column') ?? []).map((reader) => readColumnDoc(reader, model.what));
  const named = columns.filter((column) => column.name).map((column) => ({ name: column.name, at: column.at }));
  reportDuplicates(model.scope.source, named, 'column', ` in ${model.what}`);
  return columns;
}

function readColumnDoc(reader: MapReader, modelWhat: string): ColumnDoc {
  const name = reader.require('name', nonEmptyText) ?? '';
  const column = reader.named(name ? `column '${name}' of ${modelWhat}` : `a column of ${modelWhat}`);
  column.checkKeys([...columnKeys, ...ignoredColumnKeys]);
  const doc: ColumnDoc = {
    name,
    tags: column.get('tags', textList) ?? [],
    tests: readTestList(column),
    at: reader.valueAt('name'),
  };
  return assignDefined(doc, { description: column.get('description', text), dataType: column.get('data_type', nonEmptyText) });
}

function notAMapping(source: YamlSource, got: string): Diagnostic {
  return {
    code: ProjectErrors.notAMapping,
    message: `${source.file} must be a mapping with a \`models\` list, got ${got}`,
    location: source.position(source.document.contents),
    hint: 'start the file with `models:` followed by a list of models, each with a `name`',
  };
}

function sortByPosition(diagnostics: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => (d.location?.line ?? 0) * 10_000 + (d.location?.column ?? 0);
  return [...diagnostics].sort((a, b) => key(a) - key(b));
}
