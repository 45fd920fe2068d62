CREATE TABLE "public"."staging_songs__sparkify_new_00000000" (
  "num_songs" integer,
  "artist_id" varchar(32),
  "artist_latitude" double precision,
  "artist_longitude" double precision,
  "artist_location" varchar(512),
  "artist_name" varchar(512),
  "song_id" varchar(32),
  "title" varchar(512),
  "duration" double precision,
  "year" integer
);

COPY "public"."staging_songs__sparkify_new_00000000" ("num_songs", "artist_id", "artist_latitude", "artist_longitude", "artist_location", "artist_name", "song_id", "title", "duration", "year")
FROM 's3://udacity-dend/song_data'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 'auto'
REGION 'us-west-2'
TIMEFORMAT AS 'auto'
MAXERROR 0;

BEGIN;

CREATE TABLE IF NOT EXISTS "public"."staging_songs" (LIKE "public"."staging_songs__sparkify_new_00000000");

ALTER TABLE "public"."staging_songs" RENAME TO "staging_songs__sparkify_old_00000000";

ALTER TABLE "public"."staging_songs__sparkify_new_00000000" RENAME TO "staging_songs";

DROP TABLE "public"."staging_songs__sparkify_old_00000000";

COMMIT;
