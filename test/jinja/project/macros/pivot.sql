{#- One aggregate column per value, named prefix ~ value ~ suffix. -#}
{% macro pivot(column, values, agg='sum', then_value=1, else_value=0, prefix='', suffix='', quote_identifiers=true,) -%}
  {%- for value in values %}
  {{ agg }}(case when {{ column }} = '{{ value }}' then {{ then_value }} else {{ else_value }} end) as {{ adapter.quote(prefix ~ value ~ suffix) if quote_identifiers else prefix ~ value ~ suffix }}
  {{- ',' if not loop.last }}
  {%- endfor %}
{%- endmacro %}
