{#- Epoch milliseconds to a timestamp, exact to the millisecond (integer division by 1000, the
    idiom of the original etl.py, drops the milliseconds). Models call epoch_ms_to_timestamp(col);
    compile picks the implementation for the target type (redshift__, else postgres__). -#}

{#- PostgreSQL and PGlite: bigint * interval. -#}
{% macro postgres__epoch_ms_to_timestamp(column) -%}
(timestamp 'epoch' + {{ column }} * interval '1 millisecond')
{%- endmacro %}

{#- Redshift's interval literals page (r_interval_literals.html) shows datetime +/- interval only,
    never a number times an interval; DATEADD with the millisecond date part and an integer count is
    documented (https://docs.aws.amazon.com/redshift/latest/dg/r_DATEADD_function.html,
    r_Dateparts_for_datetime_functions.html). Whole seconds fit an integer until 2038; the
    remainder adds the milliseconds (both truncate toward zero, so negative values add up too). -#}
{% macro redshift__epoch_ms_to_timestamp(column) -%}
dateadd(millisecond, cast({{ column }} % 1000 as integer), dateadd(second, cast({{ column }} / 1000 as integer), timestamp '1970-01-01 00:00:00'))
{%- endmacro %}
