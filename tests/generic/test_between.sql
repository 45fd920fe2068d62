{#- The generic test `between`: fails on every row whose column lies outside [min_value, max_value].
    Written as dbt writes generic tests; a macro named test_between would define it as well.
    `model` arrives as the quoted relation, `column_name` quoted. Nulls pass: that is not_null's job. -#}
{% test between(model, column_name, min_value, max_value) -%}
select *
from {{ model }}
where {{ column_name }} < {{ min_value | literal }}
   or {{ column_name }} > {{ max_value | literal }}
{%- endtest %}
