{#- A key from several columns, dispatched per adapter as packages do: PGlite takes postgres__. -#}
{% macro surrogate_key(field_list) -%}
  {{ return(adapter.dispatch('surrogate_key', 'jinja_shop')(field_list)) }}
{%- endmacro %}

{% macro default__surrogate_key(field_list) -%}
  {%- set parts = [] -%}
  {%- for field in field_list -%}
    {%- do parts.append("coalesce(cast(" ~ field ~ " as varchar), '_null_')") -%}
    {%- if not loop.last %}{% do parts.append("'-'") %}{% endif -%}
  {%- endfor -%}
  md5({{ parts | join(' || ') }})
{%- endmacro %}

{% macro postgres__surrogate_key(field_list) -%}
  md5(concat_ws('-', {% for field in field_list %}coalesce(cast({{ field }} as text), '_null_'){{ ', ' if not loop.last }}{% endfor %}))
{%- endmacro %}
