{{ config(materialized='table', post_hook="comment on table {{ this }} is 'built by {{ this.identifier }}'") }}
{%- set settings = fromjson('{"currency": "EUR", "round_to": 2}') -%}
{%- call statement('latest', fetch_result=True) -%} select max(ordered_at) from {{ ref('orders') }} {%- endcall -%}
{%- if execute %}{% do log('latest order: ' ~ load_result('latest')['data'][0][0], info=True) %}{% endif -%}
{%- do exceptions.warn(this.identifier ~ ': amounts are in ' ~ settings.currency) -%}
{%- set counted, other = ('shipped', 'placed'), 'returned' %}
-- {{ log('rendering ' ~ model.unique_id ~ ' for ' ~ target.type, info=True) }}counted: {{ counted | join(', ') }}, not: {{ other }}
select
  c.date_day,
  count(o.order_id) as orders,
  round(coalesce(sum(o.amount), 0)::numeric, {{ settings['round_to'] }}) as amount_{{ settings.currency | lower }}
from {{ ref('calendar') }} as c
left join {{ ref('stg_orders') }} as o on o.ordered_at = c.date_day and o.status in {{ "('" ~ counted | join("', '") ~ "')" }}
group by c.date_day
