/**
 * sparkify's `dbt` package: the cross-database macros dbt-core ships (`dbt.dateadd()`,
 * `dbt.type_string()`, `dbt.current_timestamp()`, ...), which packages call. Each entry point
 * dispatches in the `dbt` namespace, so a project overrides one with `postgres__x` or `default__x`
 * (dbt searches the project first); the implementations are written here for PostgreSQL (PGlite
 * takes them) and Redshift, `default__` where the SQL is standard.
 */
import type { TemplateFile } from '../project/project-files.js';
import { DBT_NAMESPACE } from './macro-registry.js';

const DIR = '<sparkify>';

/** `name(args)` dispatching to `<prefix>__name(args)` in the dbt namespace. */
function entry(name: string, params: string, args = params.replace(/=[^,]+/g, '')): string {
  return `{% macro ${name}(${params}) %}{{ return(adapter.dispatch('${name}', 'dbt')(${args})) }}{% endmacro %}\n`;
}

const TYPES = `${['string', 'timestamp', 'float', 'numeric', 'int', 'bigint', 'boolean'].map((t) => entry(`type_${t}`, '')).join('')}
{% macro default__type_string() %}{{ return('varchar') }}{% endmacro %}
{% macro postgres__type_string() %}{{ return('text') }}{% endmacro %}
{% macro redshift__type_string() %}{{ return('varchar(max)') }}{% endmacro %}
{% macro default__type_timestamp() %}{{ return('timestamp') }}{% endmacro %}
{% macro default__type_float() %}{{ return('float') }}{% endmacro %}
{% macro postgres__type_float() %}{{ return('double precision') }}{% endmacro %}
{% macro default__type_numeric() %}{{ return('numeric(28,6)') }}{% endmacro %}
{% macro default__type_int() %}{{ return('integer') }}{% endmacro %}
{% macro default__type_bigint() %}{{ return('bigint') }}{% endmacro %}
{% macro default__type_boolean() %}{{ return('boolean') }}{% endmacro %}
`;

const DATES = `${entry('current_timestamp', '')}${entry('dateadd', 'datepart, interval, from_date_or_timestamp')}${entry('datediff', 'first_date, second_date, datepart')}${entry('date_trunc', 'datepart, date')}${entry('last_day', 'date, datepart')}
{% macro default__current_timestamp() %}current_timestamp{% endmacro %}
{% macro postgres__current_timestamp() %}now(){% endmacro %}
{% macro redshift__current_timestamp() %}getdate(){% endmacro %}
{% macro default__dateadd(datepart, interval, from_date_or_timestamp) %}dateadd({{ datepart }}, {{ interval }}, {{ from_date_or_timestamp }}){% endmacro %}
{% macro postgres__dateadd(datepart, interval, from_date_or_timestamp) %}({{ from_date_or_timestamp }} + ((interval '1 {{ datepart }}') * ({{ interval }}))){% endmacro %}
{#- Redshift falls back to postgres__ before default__: where it has the function itself, it says so. -#}
{% macro redshift__dateadd(datepart, interval, from_date_or_timestamp) %}{{ default__dateadd(datepart, interval, from_date_or_timestamp) }}{% endmacro %}
{% macro default__datediff(first_date, second_date, datepart) %}datediff({{ datepart }}, {{ first_date }}, {{ second_date }}){% endmacro %}
{% macro redshift__datediff(first_date, second_date, datepart) %}{{ default__datediff(first_date, second_date, datepart) }}{% endmacro %}
{#- The number of datepart boundaries between the two, as Redshift's datediff counts them. -#}
{% macro postgres__datediff(first_date, second_date, datepart) -%}
{%- set part = datepart | lower -%}
{%- set years = "(date_part('year', (" ~ second_date ~ ")::date) - date_part('year', (" ~ first_date ~ ")::date))" -%}
{%- if part == 'year' -%}{{ years }}
{%- elif part == 'quarter' -%}({{ years }} * 4 + date_part('quarter', ({{ second_date }})::date) - date_part('quarter', ({{ first_date }})::date))
{%- elif part == 'month' -%}({{ years }} * 12 + date_part('month', ({{ second_date }})::date) - date_part('month', ({{ first_date }})::date))
{%- elif part == 'day' -%}(({{ second_date }})::date - ({{ first_date }})::date)
{%- elif part == 'week' -%}((date_trunc('week', ({{ second_date }})::timestamp)::date - date_trunc('week', ({{ first_date }})::timestamp)::date) / 7)
{%- elif part in ['hour', 'minute', 'second'] -%}
  {%- set seconds = {'hour': 3600, 'minute': 60, 'second': 1}[part] -%}
  ((extract(epoch from date_trunc('{{ part }}', ({{ second_date }})::timestamp)) - extract(epoch from date_trunc('{{ part }}', ({{ first_date }})::timestamp))) / {{ seconds }})::bigint
{%- else -%}{{ exceptions.raise_compiler_error("datediff: unsupported datepart '" ~ datepart ~ "' (year, quarter, month, week, day, hour, minute, second)") }}
{%- endif -%}
{%- endmacro %}
{% macro default__date_trunc(datepart, date) %}date_trunc('{{ datepart }}', {{ date }}){% endmacro %}
{% macro default__last_day(date, datepart) %}cast(date_trunc('{{ datepart }}', {{ date }}) + (interval '1 {{ datepart }}') - (interval '1 day') as date){% endmacro %}
`;

const STRINGS = `${entry('concat', 'fields')}${entry('hash', 'field')}${entry('split_part', 'string_text, delimiter_text, part_number')}${entry('replace', 'field, old_chars, new_chars')}${entry('length', 'expression')}${entry('position', 'substring_text, string_text')}${entry('right', 'string_text, length_expression')}${entry('escape_single_quotes', 'expression')}${entry('string_literal', 'value')}${entry('safe_cast', 'field, type')}${entry('cast', 'field, type')}
{% macro default__concat(fields) %}concat({{ fields | join(', ') }}){% endmacro %}
{% macro redshift__concat(fields) %}{{ fields | join(' || ') }}{% endmacro %}
{% macro default__hash(field) %}md5(cast({{ field }} as {{ dbt.type_string() }})){% endmacro %}
{% macro default__split_part(string_text, delimiter_text, part_number) %}split_part({{ string_text }}, {{ delimiter_text }}, {{ part_number }}){% endmacro %}
{% macro default__replace(field, old_chars, new_chars) %}replace({{ field }}, {{ old_chars }}, {{ new_chars }}){% endmacro %}
{% macro default__length(expression) %}length({{ expression }}){% endmacro %}
{% macro redshift__length(expression) %}len({{ expression }}){% endmacro %}
{% macro default__position(substring_text, string_text) %}position({{ substring_text }} in {{ string_text }}){% endmacro %}
{% macro default__right(string_text, length_expression) %}right({{ string_text }}, {{ length_expression }}){% endmacro %}
{% macro default__escape_single_quotes(expression) %}{{ expression | replace("'", "''") }}{% endmacro %}
{#- Redshift reads a backslash in '...' as an escape: double it too. -#}
{% macro redshift__escape_single_quotes(expression) %}{{ expression | replace('\\\\', '\\\\\\\\') | replace("'", "''") }}{% endmacro %}
{% macro default__string_literal(value) %}'{{ dbt.escape_single_quotes(value) }}'{% endmacro %}
{% macro default__safe_cast(field, type) %}cast({{ field }} as {{ type }}){% endmacro %}
{% macro default__cast(field, type) %}cast({{ field }} as {{ type }}){% endmacro %}
`;

const AGGREGATES = `${entry('any_value', 'expression')}${entry('bool_or', 'expression')}${entry('listagg', 'measure, delimiter_text="\',\'", order_by_clause=none, limit_num=none', 'measure, delimiter_text, order_by_clause, limit_num')}${entry('except', '')}${entry('intersect', '')}
{% macro default__any_value(expression) %}any_value({{ expression }}){% endmacro %}
{#- min() stands in before PostgreSQL 16's any_value. -#}
{% macro postgres__any_value(expression) %}min({{ expression }}){% endmacro %}
{% macro redshift__any_value(expression) %}any_value({{ expression }}){% endmacro %}
{% macro default__bool_or(expression) %}bool_or({{ expression }}){% endmacro %}
{% macro postgres__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}array_to_string((array_agg({{ measure }}{{ ' ' ~ order_by_clause if order_by_clause }}))[1:{{ limit_num }}], {{ delimiter_text }})
{%- else -%}string_agg({{ measure }}, {{ delimiter_text }}{{ ' ' ~ order_by_clause if order_by_clause }})
{%- endif -%}
{%- endmacro %}
{% macro redshift__listagg(measure, delimiter_text, order_by_clause, limit_num) %}{{ default__listagg(measure, delimiter_text, order_by_clause, limit_num) }}{% endmacro %}
{% macro default__listagg(measure, delimiter_text, order_by_clause, limit_num) -%}
{%- if limit_num -%}{{ exceptions.raise_compiler_error('listagg: limit_num is not supported on ' ~ target.type) }}{%- endif -%}
listagg({{ measure }}, {{ delimiter_text }}){{ ' within group (' ~ order_by_clause ~ ')' if order_by_clause }}
{%- endmacro %}
{% macro default__except() %}except{% endmacro %}
{% macro default__intersect() %}intersect{% endmacro %}
`;

/** The macro files of sparkify's `dbt` package. */
export function dbtMacroFiles(): TemplateFile[] {
  const pkg = { name: DBT_NAMESPACE, dir: DIR };
  return Object.entries({ types: TYPES, dates: DATES, strings: STRINGS, aggregates: AGGREGATES })
    .map(([name, source]) => ({ path: `${DIR}/macros/cross_database/${name}.sql`, source, package: pkg }));
}
