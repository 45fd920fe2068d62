{{ config(materialized='table', tags=['dimension'], diststyle='all') }}
-- One row per song id; year 0 in the song files means "unknown".
with ranked as (
    select
        song_id,
        title,
        artist_id,
        year,
        duration,
        row_number() over (partition by song_id order by title, artist_id, duration) as copy_number
    from {{ source('sparkify', 'staging_songs') }}
    where song_id is not null
)

select
    song_id,
    title,
    artist_id,
    nullif(year, 0) as year,
    duration
from ranked
where copy_number = 1
{#- Redshift (config above; PGlite and PostgreSQL ignore it): a small dimension, copied to every node
    (DISTSTYLE ALL), so joins to it move no rows. #}
