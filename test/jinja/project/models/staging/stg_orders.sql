{{ config(materialized='view',) }}
{%- set statuses = ('placed', 'shipped', 'returned') -%}
select
  {{ surrogate_key(['order_id', 'customer']) }} as order_key,
  order_id,
  customer,
  status,
  amount,
  ordered_at
from {{ ref('orders') }}
where status in ({% for status in statuses %}'{{ status }}'{{ ', ' if not loop.last }}{% endfor %})
