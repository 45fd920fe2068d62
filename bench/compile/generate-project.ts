/**
 * A synthetic sparkify project of N models for the compile benchmark: two sources, four macro
 * files and N models in models/<layer>/<domain>/ that form a layered DAG. Staging models read a
 * source; every later model refs 1–3 earlier models (mostly recent ones, sometimes far back), calls
 * a macro and sets config(tags=...). Deterministic for a given N and seed.
 */

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DOMAINS = ['sales', 'marketing', 'finance', 'product', 'support', 'ops', 'people', 'growth'];
const SOURCES = [['app', 'events'], ['app', 'users'], ['billing', 'invoices'], ['billing', 'payments']];
const SCHEDULES = ['hourly', 'nightly', 'weekly'];

/** One generated model: where it goes and what it refs. */
export interface ModelSpec {
  name: string;
  layer: 'staging' | 'intermediate' | 'marts';
  domain: string;
  refs: string[];
  source?: [string, string];
}

/** mulberry32: a tiny seeded PRNG, so the same N always gives the same project. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The models in build order: 15% staging, 55% intermediate, 30% marts. */
export function planModels(count: number, seed = 42): ModelSpec[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const models: ModelSpec[] = [];
  const stagingEnd = Math.max(1, Math.round(count * 0.15));
  const martsStart = Math.round(count * 0.7);
  for (let i = 0; i < count; i++) {
    const domain = pick(DOMAINS);
    const id = String(i).padStart(5, '0');
    if (i < stagingEnd) {
      models.push({ name: `stg_${domain}_${id}`, layer: 'staging', domain, refs: [], source: pick(SOURCES) as [string, string] });
      continue;
    }
    const layer = i < martsStart ? 'intermediate' : 'marts';
    const refs = new Set<string>();
    const wanted = 1 + Math.floor(random() * 3);
    while (refs.size < wanted) {
      // Mostly a recent model (a deep DAG), one time in five anything earlier (long edges).
      const back = random() < 0.8 ? 1 + Math.floor(random() * Math.min(i, 50)) : 1 + Math.floor(random() * i);
      refs.add(models[i - back].name);
    }
    models.push({ name: `${layer === 'marts' ? 'fct' : 'int'}_${domain}_${id}`, layer, domain, refs: [...refs] });
  }
  return models;
}

/** A model's materialization and tags, drawn from `random` (the Dataform twin draws the same). */
export function modelParts(model: ModelSpec, random: () => number): { materialized: string; tags: string[] } {
  const materialized = model.layer === 'marts' ? 'table' : model.layer === 'staging' ? 'view' : random() < 0.5 ? 'view' : 'table';
  return { materialized, tags: [model.layer, model.domain, SCHEDULES[Math.floor(random() * SCHEDULES.length)]] };
}

function modelSql(model: ModelSpec, random: () => number): string {
  const { materialized, tags } = modelParts(model, random);
  const header = `{{ config(materialized='${materialized}', tags=[${tags.map((t) => `'${t}'`).join(', ')}]) }}\n-- ${model.layer} model for ${model.domain}\n`;
  if (model.source) {
    const [source, table] = model.source;
    return `${header}select
    id,
    account_id,
    {{ cents_to_dollars('amount_cents') }} as amount,
    amount_cents,
    {{ epoch_ms_to_timestamp('created_ms') }} as created_at,
    created_ms,
    {{ clean_text('label') }} as label
from {{ source('${source}', '${table}') }}
where created_ms >= {{ var('min_created_ms') }}
`;
  }
  const ctes = model.refs.map((ref, k) => `r${k} as (\n    select id, account_id, amount_cents, created_ms, label\n    from {{ ref('${ref}') }}\n)`);
  const joins = model.refs.slice(1).map((_, k) => `left join r${k + 1} on r${k + 1}.account_id = r0.account_id`).join('\n');
  const amounts = model.refs.map((_, k) => `coalesce(r${k}.amount_cents, 0)`).join(' + ');
  return `${header}with ${ctes.join(',\n')}

select
    r0.id,
    r0.account_id,
    ${amounts} as amount_cents,
    {{ safe_divide('r0.amount_cents', 'nullif(r0.id, 0)') }} as cents_per_id,
    r0.created_ms,
    {{ clean_text('r0.label') }} as label
from r0
${joins}${joins ? '\n' : ''}{% if var('lookback_days', 0) > 0 %}where r0.created_ms >= {{ var('min_created_ms') }}{% endif %}
`;
}

const MACROS: Record<string, string> = {
  'money.sql': `{% macro cents_to_dollars(column) -%}\n({{ column }} / 100.0)::numeric(16, 2)\n{%- endmacro %}\n`,
  'dates.sql': `{% macro epoch_ms_to_timestamp(column) -%}\n(timestamp 'epoch' + {{ column }} * interval '1 millisecond')\n{%- endmacro %}\n`,
  'math.sql': `{% macro safe_divide(numerator, denominator) -%}\ncase when {{ denominator }} = 0 then null else {{ numerator }} / {{ denominator }} end\n{%- endmacro %}\n`,
  'strings.sql': `{% macro clean_text(column) -%}\nnullif(trim({{ column }}), '')\n{%- endmacro %}\n`,
};

const PROJECT_YML = `name: bench_project
model-paths: [models]
macro-paths: [macros]
models:
  materialized: view
  schema: analytics
  tags: [bench]
vars:
  data_root: data
  lookback_days: 30
  min_created_ms: 1541030400000
default_target: dev
targets:
  dev:
    type: pglite
    path: .sparkify/dev
    schema: analytics
`;

function sourcesYml(): string {
  const columns = ['id: bigint', 'account_id: bigint', 'amount_cents: bigint', 'created_ms: bigint', 'label: varchar(256)']
    .map((c) => c.split(': '))
    .map(([name, type]) => `          - name: ${name}\n            type: ${type}`)
    .join('\n');
  const source = (name: string, tables: string[]) => `  - name: ${name}
    tables:
${tables.map((t) => `      - name: ${t}\n        location: "{{ var('data_root') }}/${name}/${t}"\n        jsonpaths: auto\n        columns:\n${columns}`).join('\n')}`;
  return `sources:\n${source('app', ['events', 'users'])}\n${source('billing', ['invoices', 'payments'])}\n`;
}

/** Writes a project of `count` models to `dir` (replacing it); returns the model names in order. */
export function generateProject(dir: string, count: number, seed = 42): string[] {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'macros'), { recursive: true });
  writeFileSync(join(dir, 'project.yml'), PROJECT_YML);
  writeFileSync(join(dir, 'sources.yml'), sourcesYml());
  for (const [file, text] of Object.entries(MACROS)) writeFileSync(join(dir, 'macros', file), text);
  const random = prng(seed + 1);
  const models = planModels(count, seed);
  for (const model of models) {
    const folder = join(dir, 'models', model.layer, model.domain);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${model.name}.sql`), modelSql(model, random));
  }
  return models.map((m) => m.name);
}
