{% test equality(model, compare_model, compare_columns=none) %}
{%- set columns = compare_columns | join(', ') if compare_columns else '*' -%}
(select {{ columns }} from {{ model }} except select {{ columns }} from {{ compare_model }})
union all
(select {{ columns }} from {{ compare_model }} except select {{ columns }} from {{ model }})
{% endtest %}
