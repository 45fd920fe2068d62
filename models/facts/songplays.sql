{{ config(materialized='table', tags=['fact']) }}
-- One row per NextSong event: plays are never dropped, so a play whose song is not in the song
-- files keeps NULL song_id/artist_id. level is the user's level at the time of the play.
with plays as (
    select *
    from {{ source('sparkify', 'staging_events') }}
    where page = 'NextSong'
),

-- A play matches a song on title, artist name and duration; should several songs match, the one
-- with the smallest song id wins so that no play is counted twice.
song_keys as (
    select
        title,
        artist_name,
        duration,
        min(song_id) as song_id
    from {{ source('sparkify', 'staging_songs') }}
    group by title, artist_name, duration
),

matched as (
    select
        song_keys.title,
        song_keys.artist_name,
        song_keys.duration,
        songs.song_id,
        songs.artist_id
    from song_keys
    join {{ source('sparkify', 'staging_songs') }} as songs
        on songs.song_id = song_keys.song_id
)

select
    -- Stable across rebuilds and independent of row order: a hash of what identifies a play.
    md5(
        cast(plays.ts as varchar) || '|' || coalesce(cast(plays.user_id as varchar), '') || '|'
        || cast(plays.session_id as varchar) || '|' || cast(plays.item_in_session as varchar)
    ) as songplay_id,
    {{ epoch_ms_to_timestamp('plays.ts') }} as start_time,
    plays.user_id,
    plays.level,
    matched.song_id,
    matched.artist_id,
    plays.session_id,
    plays.location,
    {{ strip_wrapping_quotes('plays.user_agent') }} as user_agent
from plays
left join matched
    on matched.title = plays.song
    and matched.artist_name = plays.artist
    and matched.duration = plays.length
