{{ config(materialized='table', tags=['mart']) }}
{%- set statuses = ['shipped', 'placed', 'returned'] | sort -%}
{%- set total_alias = modules.re.sub('[^a-z_]+', '_', 'Total Amount'.lower()) -%}
{%- set valid_rows -%} amount >= 0 and customer is not null {%- endset -%}
select
  customer,
  {{- pivot('status', statuses, prefix='n_') }},
  sum(amount) as {{ total_alias }}
from {{ ref('stg_orders') }}
where {{ valid_rows }}
group by customer
