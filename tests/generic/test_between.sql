{#- The generic test `between`: fails on every row whose column lies outside [min_value, max_value].
    dbt writes generic tests as {% test between(model, column_name, ...) %}; nunjucks has no test
    tag, so sparkify takes any macro named test_<name> (here or under macros/) as the test <name>.
    `model` arrives as the quoted relation, `column_name` quoted. Nulls pass: that is not_null's job. -#}
{% macro test_between(model, column_name, min_value, max_value) -%}
select *
from {{ model }}
where {{ column_name }} < {{ min_value | literal }}
   or {{ column_name }} > {{ max_value | literal }}
{%- endmacro %}
