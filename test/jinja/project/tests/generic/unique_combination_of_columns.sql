{% test unique_combination_of_columns(model, combination_of_columns) -%}
{%- set columns_csv = combination_of_columns | join(', ') -%}
select {{ columns_csv }}, count(*) as n from {{ model }} group by {{ columns_csv }} having count(*) > 1
{%- endtest %}
