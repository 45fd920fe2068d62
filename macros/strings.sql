{#- The logs wrap user agents in literal double quotes ("\"Mozilla/5.0 ...\""); remove exactly one
    pair, and only when both are there. -#}
{% macro strip_wrapping_quotes(column) -%}
case
    when {{ column }} like '"%"' and length({{ column }}) >= 2
      then substring({{ column }} from 2 for length({{ column }}) - 2)
    else {{ column }}
  end
{%- endmacro %}
