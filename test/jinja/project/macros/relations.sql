{#- The columns of a relation, quoted; `*` while compiling (execute is false), as dbt_utils.star does. -#}
{% macro star(from, except=[]) -%}
  {%- if not execute -%}
    {{ return('*') }}
  {%- endif -%}
  {%- set columns = adapter.get_columns_in_relation(from) | rejectattr('name', 'in', except) | map(attribute='quoted') | list -%}
  {{ return(columns | join(', ') if columns else '*') }}
{%- endmacro %}

{#- The rows of several relations of one shape, each tagged with the relation it came from. -#}
{% macro union_relations(relations, source_column_name='_source') -%}
  {%- for relation in relations %}
select '{{ relation.identifier }}' as {{ adapter.quote(source_column_name) }}, {{ star(relation) }} from {{ relation }}
    {%- if not loop.last %}
union all
    {%- endif -%}
  {%- endfor %}
{%- endmacro %}
