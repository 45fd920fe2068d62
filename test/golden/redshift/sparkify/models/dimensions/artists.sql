BEGIN;

CREATE TABLE "public"."artists__sparkify_new_00000000" DISTSTYLE ALL AS

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
    from "public"."staging_songs"
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
;

CREATE TABLE IF NOT EXISTS "public"."artists" (LIKE "public"."artists__sparkify_new_00000000");

ALTER TABLE "public"."artists" RENAME TO "artists__sparkify_old_00000000";

ALTER TABLE "public"."artists__sparkify_new_00000000" RENAME TO "artists";

DROP TABLE "public"."artists__sparkify_old_00000000";

COMMIT;
