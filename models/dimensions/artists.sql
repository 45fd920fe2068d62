{{ config(materialized='table', tags=['dimension'], diststyle='all') }}
-- One row per artist id. An artist id can carry several name/location variants across songs:
-- take the values of its song with the smallest song id, so the choice is stable.
with ranked as (
    select
        artist_id,
        artist_name,
        artist_location,
        artist_latitude,
        artist_longitude,
        row_number() over (partition by artist_id order by song_id) as variant
    from {{ source('sparkify', 'staging_songs') }}
    where artist_id is not null
)

select
    artist_id,
    artist_name as name,
    nullif(artist_location, '') as location,
    artist_latitude as latitude,
    artist_longitude as longitude
from ranked
where variant = 1
{#- Redshift (config above; PGlite and PostgreSQL ignore it): a small dimension, copied to every node
    (DISTSTYLE ALL), so joins to it move no rows. #}
