{{ config(materialized='incremental', unique_key='songplay_id', incremental_strategy='delete+insert',
          tags=['fact'], dist='start_time', sort='start_time') }}
-- Incremental: a new day of logs adds only that day's plays (see the filter in `plays`); the first
-- build, `sparkify build --full-refresh` and a full reload of staging_events build the whole table.
-- One row per NextSong event: plays are never dropped, so a play whose song is not in the song
-- files keeps NULL song_id/artist_id. level is the user's level at the time of the play.
with plays as (
    select *
    from {{ source('sparkify', 'staging_events') }}
    where page = 'NextSong'
    -- Incremental: only the events loaded since songplays was last built (sparkify's load ledger),
    -- so a late day's file is added, nothing is added twice, and a build over unchanged files adds
    -- nothing. A source reloaded in full (changed files, another data_root) rebuilds songplays.
    and {{ loaded_since_last_build('sparkify', 'staging_events') }}
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
{#- Redshift keys (config above; PGlite and PostgreSQL ignore them): plays are distributed and
    sorted on start_time. It is near-unique, so rows spread evenly over the slices, and time shares
    the key, so the join to time moves no rows. song_id would put almost every row on one slice (it
    is NULL for every play that matches no song: all but 1 of the 6,820 in the sample), and user_id
    skews towards the heaviest listeners. #}
