{%- set cutoff = modules.datetime.date(2024, 1, 1) + modules.datetime.timedelta(days=30) -%}
select * from {{ ref('stg_orders') }} where ordered_at > date '{{ cutoff.isoformat() }}'
