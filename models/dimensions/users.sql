{{ config(materialized='table', tags=['dimension'], diststyle='all') }}
-- One row per user seen in any event. Attributes come from the user's latest event, so a user who
-- changed level during the month shows the level they have now.
with ranked as (
    select
        user_id,
        first_name,
        last_name,
        gender,
        level,
        row_number() over (
            partition by user_id
            order by ts desc, session_id desc, item_in_session desc
        ) as recency
    from {{ source('sparkify', 'staging_events') }}
    where user_id is not null
)

select
    user_id,
    first_name,
    last_name,
    gender,
    level
from ranked
where recency = 1
{#- Redshift (config above; PGlite and PostgreSQL ignore it): a small dimension, copied to every node
    (DISTSTYLE ALL), so joins to it move no rows. #}
