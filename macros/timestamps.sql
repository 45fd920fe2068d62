{#- Epoch milliseconds to a timestamp, exact to the millisecond (integer division by 1000, the
    idiom of the original etl.py, drops the milliseconds). Works on Postgres and Redshift. -#}
{% macro epoch_ms_to_timestamp(column) -%}
(timestamp 'epoch' + {{ column }} * interval '1 millisecond')
{%- endmacro %}
