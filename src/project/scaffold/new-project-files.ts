/**
 * The files `sparkify init NAME` writes: a small project in dbt's layout (dbt_project.yml,
 * profiles.yml, models, a seed with its schema file, tests) that builds at once in the embedded
 * warehouse. Written for sparkify, not copied from dbt's starter project.
 */

/** Relative path → text. */
export type ScaffoldFiles = Record<string, string>;

/** The files of a new project named `name` (an identifier); without a profile when `withProfile` is false. */
export function newProjectFiles(name: string, withProfile = true): ScaffoldFiles {
  const files: ScaffoldFiles = {
    'dbt_project.yml': projectFile(name),
    'README.md': readme(name),
    '.gitignore': 'target/\n.sparkify/\nlogs/\n',
    'seeds/countries.csv': COUNTRIES,
    'seeds/schema.yml': SEED_SCHEMA,
    'models/staging/stg_countries.sql': STAGING,
    'models/marts/countries_by_continent.sql': MART,
    'models/marts/schema.yml': MART_SCHEMA,
    'tests/assert_every_country_counted.sql': SINGULAR,
    'macros/.gitkeep': '',
    'snapshots/.gitkeep': '',
    'analyses/.gitkeep': '',
  };
  if (withProfile) files['profiles.yml'] = profileFile(name);
  return files;
}

function projectFile(name: string): string {
  return `# A project in dbt's layout: sparkify build runs it as dbt build would.
name: ${name}
version: '1.0.0'
config-version: 2
profile: ${name}

model-paths: ["models"]
seed-paths: ["seeds"]
test-paths: ["tests"]
snapshot-paths: ["snapshots"]
macro-paths: ["macros"]
analysis-paths: ["analyses"]
target-path: "target"
clean-targets: ["target"]

models:
  ${name}:
    staging:
      +materialized: view
    marts:
      +materialized: table
`;
}

function profileFile(name: string): string {
  return `# Where ${name} builds. pglite is sparkify's embedded PostgreSQL: a folder, no server.
# Add a postgres output (host, user, password: "{{ env_var('PGPASSWORD') }}", dbname, schema)
# to build elsewhere, and pick it with --target.
${name}:
  target: dev
  outputs:
    dev:
      type: pglite
      path: .sparkify/dev
      schema: analytics
      threads: 1
`;
}

function readme(name: string): string {
  return `# ${name}

\`\`\`sh
sparkify build        # load the seed, build the models, run the tests
sparkify ls           # what the project holds
sparkify show --select countries_by_continent
\`\`\`

- \`seeds/countries.csv\` is loaded into a table; \`seeds/schema.yml\` tests it.
- \`models/staging\` holds views over it, \`models/marts\` tables (see \`dbt_project.yml\`).
- \`tests/\` holds singular tests: queries that return the rows that are wrong.
`;
}

const COUNTRIES = `code,name,continent,population_millions
FR,France,Europe,68.2
PT,Portugal,Europe,10.4
JP,Japan,Asia,124.5
KE,Kenya,Africa,55.1
CL,Chile,South America,19.6
`;

const SEED_SCHEMA = `version: 2
seeds:
  - name: countries
    description: A few countries and where they are.
    columns:
      - name: code
        data_tests: [unique, not_null]
      - name: continent
        data_tests:
          - accepted_values:
              values: [Africa, Asia, Europe, North America, Oceania, South America]
`;

const STAGING = `select
    code as country_code,
    name as country_name,
    continent,
    population_millions
from {{ ref('countries') }}
`;

const MART = `select
    continent,
    count(*) as countries,
    sum(population_millions) as population_millions
from {{ ref('stg_countries') }}
group by continent
`;

const MART_SCHEMA = `version: 2
models:
  - name: countries_by_continent
    description: One row per continent with at least one country.
    columns:
      - name: continent
        data_tests: [unique, not_null]
`;

const SINGULAR = `-- Every country is counted in exactly one continent: the totals must agree.
select total.countries, by_continent.countries
from (select count(*) as countries from {{ ref('stg_countries') }}) as total
cross join (select sum(countries) as countries from {{ ref('countries_by_continent') }}) as by_continent
where total.countries <> by_continent.countries
`;
