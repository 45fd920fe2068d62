CREATE TABLE "public"."staging_events__sparkify_new_00000000" (
  "artist" varchar(512),
  "auth" varchar(32),
  "first_name" varchar(256),
  "gender" varchar(8),
  "item_in_session" integer,
  "last_name" varchar(256),
  "length" double precision,
  "level" varchar(16),
  "location" varchar(512),
  "method" varchar(16),
  "page" varchar(64),
  "registration" double precision,
  "session_id" integer,
  "song" varchar(512),
  "status" integer,
  "ts" bigint,
  "user_agent" varchar(512),
  "user_id" integer
);

COPY "public"."staging_events__sparkify_new_00000000" ("artist", "auth", "first_name", "gender", "item_in_session", "last_name", "length", "level", "location", "method", "page", "registration", "session_id", "song", "status", "ts", "user_agent", "user_id")
FROM 's3://udacity-dend/log_data'
IAM_ROLE 'arn:aws:iam::123456789012:role/dwhRole'
FORMAT AS JSON 's3://udacity-dend/log_json_path.json'
REGION 'us-west-2'
TIMEFORMAT AS 'auto'
MAXERROR 0;

BEGIN;

CREATE TABLE IF NOT EXISTS "public"."staging_events" (LIKE "public"."staging_events__sparkify_new_00000000");

ALTER TABLE "public"."staging_events" RENAME TO "staging_events__sparkify_old_00000000";

ALTER TABLE "public"."staging_events__sparkify_new_00000000" RENAME TO "staging_events";

DROP TABLE "public"."staging_events__sparkify_old_00000000";

COMMIT;
