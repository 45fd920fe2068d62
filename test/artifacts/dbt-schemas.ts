/** dbt's published artifact schemas (test/schemas/dbt), compiled with ajv's draft 2020-12 validator. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from '../e2e/helpers.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const cache = new Map<string, ValidateFunction>();

/** The schema files under test/schemas/dbt. */
export type DbtSchema = 'manifest-v12' | 'run-results-v6' | 'sources-v3' | 'catalog-v1';

/** A validator of one dbt schema (compiled once per process: the manifest schema is 800 kB). */
export function dbtValidator(schema: DbtSchema): ValidateFunction {
  let validate = cache.get(schema);
  if (!validate) {
    // strict: false because dbt's schemas use `default` beside `anyOf` and unknown-to-ajv titles freely.
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    validate = ajv.compile(JSON.parse(readFileSync(join(REPO_ROOT, 'test/schemas/dbt', `${schema}.json`), 'utf8')));
    cache.set(schema, validate);
  }
  return validate;
}

/** Validates `document` and returns ajv's errors as readable lines (empty when valid). */
export function schemaErrors(schema: DbtSchema, document: unknown): string[] {
  const validate = dbtValidator(schema);
  if (validate(document)) return [];
  return (validate.errors ?? []).slice(0, 20).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}
