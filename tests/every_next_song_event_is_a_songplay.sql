-- Singular test: no NextSong event of the logs is missing from songplays (the song match is a left
-- join, so a play whose song is unknown must still be there). Events and plays are counted per
-- start time, user and session; any group with fewer plays than events is a failure.
with events as (
    select
        {{ epoch_ms_to_timestamp('ts') }} as start_time,
        user_id,
        session_id,
        count(*) as n_events
    from {{ source('sparkify', 'staging_events') }}
    where page = 'NextSong'
    group by 1, 2, 3
),

plays as (
    select
        start_time,
        user_id,
        session_id,
        count(*) as n_plays
    from {{ ref('songplays') }}
    group by 1, 2, 3
)

select
    events.start_time,
    events.user_id,
    events.session_id,
    events.n_events,
    coalesce(plays.n_plays, 0) as n_plays
from events
left join plays
    on plays.start_time = events.start_time
    and plays.session_id = events.session_id
    and coalesce(plays.user_id, -1) = coalesce(events.user_id, -1)
where coalesce(plays.n_plays, 0) < events.n_events
