BEGIN;

CREATE TABLE "public"."songplays__sparkify_batch_00000000" AS

-- Incremental: a new day of logs adds only that day's plays (see the filter in `plays`); the first
-- build, `sparkify build --full-refresh` and a full reload of staging_events build the whole table.
-- One row per NextSong event: plays are never dropped, so a play whose song is not in the song
-- files keeps NULL song_id/artist_id. level is the user's level at the time of the play.
with plays as (
    select *
    from "public"."staging_events"
    where page = 'NextSong'
    -- Incremental: only the events loaded since songplays was last built (sparkify's load ledger),
    -- so a late day's file is added, nothing is added twice, and a build over unchanged files adds
    -- nothing. A source reloaded in full (changed files, another data_root) rebuilds songplays.
    and true
),

-- A play matches a song on title, artist name and duration; should several songs match, the one
-- with the smallest song id wins so that no play is counted twice.
song_keys as (
    select
        title,
        artist_name,
        duration,
        min(song_id) as song_id
    from "public"."staging_songs"
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
    join "public"."staging_songs" as songs
        on songs.song_id = song_keys.song_id
)

select
    -- Stable across rebuilds and independent of row order: a hash of what identifies a play.
    md5(
        cast(plays.ts as varchar) || '|' || coalesce(cast(plays.user_id as varchar), '') || '|'
        || cast(plays.session_id as varchar) || '|' || cast(plays.item_in_session as varchar)
    ) as songplay_id,
    dateadd(millisecond, cast(plays.ts % 1000 as integer), dateadd(second, cast(plays.ts / 1000 as integer), timestamp '1970-01-01 00:00:00')) as start_time,
    plays.user_id,
    plays.level,
    matched.song_id,
    matched.artist_id,
    plays.session_id,
    plays.location,
    case
    when plays.user_agent like '"%"' and length(plays.user_agent) >= 2
      then substring(plays.user_agent from 2 for length(plays.user_agent) - 2)
    else plays.user_agent
  end as user_agent
from plays
left join matched
    on matched.title = plays.song
    and matched.artist_name = plays.artist
    and matched.duration = plays.length
;

-- check: stops the build if the new rows do not have the columns of "public"."songplays"
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column", "existing".type AS "table_type", "new_rows".type AS "new_type"
FROM (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    (SELECT count(*) FROM pg_catalog.pg_attribute p
     WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped AND p.attnum <= a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relname = 'songplays__sparkify_batch_00000000'
    AND a.attnum > 0 AND NOT a.attisdropped
) AS "new_rows"
FULL JOIN (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    (SELECT count(*) FROM pg_catalog.pg_attribute p
     WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped AND p.attnum <= a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relname = 'songplays'
    AND a.attnum > 0 AND NOT a.attisdropped
) AS "existing" ON "existing".column_name = "new_rows".column_name
WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL
  OR "new_rows".type <> "existing".type OR "new_rows".position <> "existing".position
ORDER BY coalesce("existing".position, "new_rows".position)
LIMIT 1;

-- check: stops the build if a unique_key (songplay_id) value occurs twice among the new rows
SELECT "songplay_id", count(*) AS "rows"
FROM "public"."songplays__sparkify_batch_00000000"
WHERE "songplay_id" IS NOT NULL
GROUP BY "songplay_id"
HAVING count(*) > 1
LIMIT 1;

DELETE FROM "public"."songplays"
USING "public"."songplays__sparkify_batch_00000000"
WHERE "songplays"."songplay_id" = "songplays__sparkify_batch_00000000"."songplay_id";

INSERT INTO "public"."songplays"
SELECT * FROM "public"."songplays__sparkify_batch_00000000";

DROP TABLE "public"."songplays__sparkify_batch_00000000";

COMMIT;
