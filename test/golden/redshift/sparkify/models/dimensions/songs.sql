BEGIN;

CREATE TABLE "public"."songs__sparkify_new_00000000" DISTSTYLE ALL AS

-- One row per song id; year 0 in the song files means "unknown".
with ranked as (
    select
        song_id,
        title,
        artist_id,
        year,
        duration,
        row_number() over (partition by song_id order by title, artist_id, duration) as copy_number
    from "public"."staging_songs"
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
;

CREATE TABLE IF NOT EXISTS "public"."songs" (LIKE "public"."songs__sparkify_new_00000000");

ALTER TABLE "public"."songs" RENAME TO "songs__sparkify_old_00000000";

ALTER TABLE "public"."songs__sparkify_new_00000000" RENAME TO "songs";

DROP TABLE "public"."songs__sparkify_old_00000000";

COMMIT;
