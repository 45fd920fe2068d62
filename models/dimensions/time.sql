{{ config(materialized='table', tags=['dimension'], dist='start_time', sort='start_time') }}
-- One row per distinct play timestamp, kept to the millisecond. weekday follows EXTRACT(dow):
-- Sunday is 0.
with plays as (
    select distinct {{ epoch_ms_to_timestamp('ts') }} as start_time
    from {{ source('sparkify', 'staging_events') }}
    where page = 'NextSong'
)

select
    start_time,
    cast(extract(hour from start_time) as integer) as hour,
    cast(extract(day from start_time) as integer) as day,
    cast(extract(week from start_time) as integer) as week,
    cast(extract(month from start_time) as integer) as month,
    cast(extract(year from start_time) as integer) as year,
    cast(extract(dow from start_time) as integer) as weekday
from plays
{#- Redshift keys (config above; PGlite and PostgreSQL ignore them): time grows with the plays (one
    row per play timestamp), so unlike the small dimensions it is not copied to every node: it shares
    songplays' distribution key and sort key. #}
