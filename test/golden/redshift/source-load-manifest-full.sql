CREATE TABLE "public"."events__sparkify_new_22222222" (
  "id" integer,
  "kind" varchar(16)
);

-- manifest s3://sparkify-loads/manifests/public.events/22222222.manifest (written to S3 before the COPY):
--   {
--     "entries": [
--       {"url":"s3://sparkify-bucket/log_data/2018/11/2018-11-01-events.json","mandatory":true,"meta":{"content_length":1001}},
--       {"url":"s3://sparkify-bucket/log_data/2018/11/2018-11-02-events.json","mandatory":true,"meta":{"content_length":1002}}
--     ]
--   }
COPY "public"."events__sparkify_new_22222222" ("id", "kind")
FROM 's3://sparkify-loads/manifests/public.events/22222222.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-s3-read'
MANIFEST
FORMAT AS JSON 'auto'
REGION 'us-west-2'
TIMEFORMAT AS 'auto'
MAXERROR 0;

BEGIN;

CREATE TABLE IF NOT EXISTS "public"."events" (LIKE "public"."events__sparkify_new_22222222");

ALTER TABLE "public"."events" RENAME TO "events__sparkify_old_22222222";

ALTER TABLE "public"."events__sparkify_new_22222222" RENAME TO "events";

DROP TABLE "public"."events__sparkify_old_22222222";

COMMIT;
