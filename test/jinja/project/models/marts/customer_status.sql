{{ config(materialized='table', tags=['mart']) }}
{%- set statuses = ['shipped', 'placed', 'returned'] | sort -%}
{%- set total_alias = modules.re.sub('[^a-z_]+', '_', 'Total Amount'.lower()) -%}
select
  customer,
  {{- pivot('status', statuses, prefix='n_') }},
  sum(amount) as {{ total_alias }}
from {{ ref('stg_orders') }}
group by customer
