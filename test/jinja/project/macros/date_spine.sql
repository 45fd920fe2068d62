{#- One row per day from start_date, for `days` days, computed at compile with modules.datetime. -#}
{% macro date_spine(start_date, days) -%}
  {%- set start = modules.datetime.datetime.strptime(start_date, '%Y-%m-%d') -%}
  {%- set ns = namespace(rows=[]) -%}
  {%- for i in range(days) -%}
    {%- set day = start + modules.datetime.timedelta(days=i) -%}
    {%- do ns.rows.append("select date '" ~ day.strftime('%Y-%m-%d') ~ "' as date_day") -%}
  {%- endfor -%}
  {{ return(ns.rows | join('\nunion all\n')) }}
{%- endmacro %}
