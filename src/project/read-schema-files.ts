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
import type { ColumnDoc, ModelDoc } from './schema-types.js';
import { reportDuplicates } from '../config/unique-names.js';
import { integer, nonEmptyText, text, textList } from '../config/value-kinds.js';
import { parseYamlSource, type YamlSource } from '../config/yaml-source.js';

// unit_tests: are read by read-unit-tests.ts.
const topKeys = ['version', 'models', 'unit_tests', 'snapshots'];
const modelKeys = ['name', 'description', 'columns', 'data_tests', 'tests'];
const columnKeys = ['name', 'description', 'data_type', 'tags', 'data_tests', 'tests'];

/** What one schema file declares, and what is wrong with it. */
export interface SchemaFileRead {
  models: ModelDoc[];
  diagnostics: Diagnostic[];
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
  top.checkKeys(topKeys);
  top.get('version', integer(1));
  // dbt documents snapshots under `snapshots:`; they are tested like models.
  const models = [...(top.items('models', 'model') ?? []), ...(top.items('snapshots', 'snapshot') ?? [])].map(readModel);
  const named = models.filter((model) => model.name).map((model) => ({ name: model.name, at: model.at }));
  reportDuplicates(source, named, 'model', ` in ${file}`);
  return { models, diagnostics: sortByPosition(source.diagnostics) };
}

function readModel(reader: MapReader): ModelDoc {
  const name = reader.require('name', nonEmptyText) ?? '';
  const model = name ? reader.named(`model '${name}'`, reader.scope.forNode(`model.${name}`)) : reader;
  model.checkKeys(modelKeys);
  const doc: ModelDoc = { name, columns: readColumnDocs(model), tests: readTestList(model), at: reader.valueAt('name') };
  return assignDefined(doc, { description: model.get('description', text) });
}

function readColumnDocs(model: MapReader): ColumnDoc[] {
  const columns = (model.items('columns', 'column') ?? []).map((reader) => readColumnDoc(reader, model.what));
  const named = columns.filter((column) => column.name).map((column) => ({ name: column.name, at: column.at }));
  reportDuplicates(model.scope.source, named, 'column', ` in ${model.what}`);
  return columns;
}

function readColumnDoc(reader: MapReader, modelWhat: string): ColumnDoc {
  const name = reader.require('name', nonEmptyText) ?? '';
  const column = reader.named(name ? `column '${name}' of ${modelWhat}` : `a column of ${modelWhat}`);
  column.checkKeys(columnKeys);
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
