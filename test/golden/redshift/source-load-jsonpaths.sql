CREATE TABLE "public"."events__sparkify_new_00000000" (
  "ts" bigint,
  "user_id" integer,
  "user_agent" varchar(512)
);

COPY "public"."events__sparkify_new_00000000" ("ts", "user_id", "user_agent")
FROM 's3://sparkify-bucket/log_data'
IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-s3-read'
FORMAT AS JSON 's3://sparkify-bucket/log_json_path.json'
REGION 'us-west-2'
TIMEFORMAT AS 'epochmillisecs'
MAXERROR 11
TRUNCATECOLUMNS;

BEGIN;

CREATE TABLE IF NOT EXISTS "public"."events" (LIKE "public"."events__sparkify_new_00000000");

ALTER TABLE "public"."events" RENAME TO "events__sparkify_old_00000000";

ALTER TABLE "public"."events__sparkify_new_00000000" RENAME TO "events";

DROP TABLE "public"."events__sparkify_old_00000000";

COMMIT;
