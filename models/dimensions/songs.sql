{{ config(materialized='table', tags=['dimension'], diststyle='all') }}
-- On Redshift this small dimension is copied to every node (DISTSTYLE ALL): joins to it move no rows.
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
