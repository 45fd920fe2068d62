{{ config(materialized='ephemeral') }}
select order_id, customer, status from {{ ref('stg_orders') }} where status = 'shipped'
