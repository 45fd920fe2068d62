/**
 * The graph of generate-project.ts written as a Dataform 2.x project, for the comparison with
 * `dataform compile` (issue 13): the same models with the same SQL, parents, tags and
 * materializations; macros become JavaScript functions in includes/, vars go in dataform.json.
 * Dataform compiles a project with the @dataform/core of its own node_modules, so `coreModules` (the
 * benchmark's own install of it, never a dependency of sparkify) is linked in.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelParts, planModels, prng, type ModelSpec } from './generate-project.js';

const MACROS_JS = `// The macros of the sparkify project, as Dataform includes.
function cents_to_dollars(column) { return \`(\${column} / 100.0)::numeric(16, 2)\`; }
function epoch_ms_to_timestamp(column) { return \`(timestamp 'epoch' + \${column} * interval '1 millisecond')\`; }
function safe_divide(numerator, denominator) { return \`case when \${denominator} = 0 then null else \${numerator} / \${denominator} end\`; }
function clean_text(column) { return \`nullif(trim(\${column}), '')\`; }
module.exports = { cents_to_dollars, epoch_ms_to_timestamp, safe_divide, clean_text };
`;

const DATAFORM_JSON = JSON.stringify({
  warehouse: 'postgres',
  defaultSchema: 'analytics',
  assertionSchema: 'analytics_assertions',
  vars: { data_root: 'data', lookback_days: '30', min_created_ms: '1541030400000' },
}, null, 2);

const SOURCES_JS = ['app.events', 'app.users', 'billing.invoices', 'billing.payments']
  .map((table) => table.split('.'))
  .map(([schema, name]) => `declare({ schema: "${schema}", name: "${name}" });`)
  .join('\n') + '\n';

const vars = 'dataform.projectConfig.vars';

/** One model as SQLX: the sparkify template's parts with Dataform's ${...} in place of {{ ... }}. */
function modelSqlx(model: ModelSpec, random: () => number): string {
  const parts = modelParts(model, random);
  const config = `config {\n  type: "${parts.materialized}",\n  tags: [${parts.tags.map((t) => `"${t}"`).join(', ')}]\n}\n-- ${model.layer} model for ${model.domain}\n`;
  const macro = (name: string, ...args: string[]) => `\${macros.${name}(${args.map((a) => JSON.stringify(a)).join(', ')})}`;
  if (model.source) {
    const [source, table] = model.source;
    return `${config}select
    id,
    account_id,
    ${macro('cents_to_dollars', 'amount_cents')} as amount,
    amount_cents,
    ${macro('epoch_ms_to_timestamp', 'created_ms')} as created_at,
    created_ms,
    ${macro('clean_text', 'label')} as label
from \${ref("${source}", "${table}")}
where created_ms >= \${${vars}.min_created_ms}
`;
  }
  const ctes = model.refs.map((ref, k) => `r${k} as (\n    select id, account_id, amount_cents, created_ms, label\n    from \${ref("${ref}")}\n)`);
  const joins = model.refs.slice(1).map((_, k) => `left join r${k + 1} on r${k + 1}.account_id = r0.account_id`).join('\n');
  const amounts = model.refs.map((_, k) => `coalesce(r${k}.amount_cents, 0)`).join(' + ');
  return `${config}with ${ctes.join(',\n')}

select
    r0.id,
    r0.account_id,
    ${amounts} as amount_cents,
    ${macro('safe_divide', 'r0.amount_cents', 'nullif(r0.id, 0)')} as cents_per_id,
    r0.created_ms,
    ${macro('clean_text', 'r0.label')} as label
from r0
${joins}${joins ? '\n' : ''}\${Number(${vars}.lookback_days) > 0 ? \`where r0.created_ms >= \${${vars}.min_created_ms}\` : ""}
`;
}

/** Writes the Dataform twin of generateProject(dir, count, seed) to `dir` (replacing it). */
export function generateDataformProject(dir: string, count: number, coreModules: string, seed = 42): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'includes'), { recursive: true });
  mkdirSync(join(dir, 'definitions'), { recursive: true });
  writeFileSync(join(dir, 'dataform.json'), DATAFORM_JSON + '\n');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-dataform', dependencies: { '@dataform/core': '2.6.7' } }) + '\n');
  writeFileSync(join(dir, 'includes', 'macros.js'), MACROS_JS);
  writeFileSync(join(dir, 'definitions', 'sources.js'), SOURCES_JS);
  symlinkSync(coreModules, join(dir, 'node_modules'), 'dir');
  const random = prng(seed + 1); // the stream generateProject draws materializations and tags from
  for (const model of planModels(count, seed)) {
    const folder = join(dir, 'definitions', model.layer, model.domain);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `${model.name}.sqlx`), modelSqlx(model, random));
  }
}

