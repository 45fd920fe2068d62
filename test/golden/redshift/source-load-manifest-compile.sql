CREATE TABLE "public"."events__sparkify_new_00000000" (
  "id" integer,
  "kind" varchar(16),
  "_sparkify_load_id" varchar(16) NOT NULL DEFAULT '00000000'
);

-- manifest s3://sparkify-loads/manifests/public.events/00000000.manifest: with the objects listed under s3://sparkify-bucket/log_data (ListObjectsV2),
-- a build writes one entry per object it loads, then COPYs FROM the manifest with MANIFEST:
--   {
--     "entries": [
--       {"url":"s3://sparkify-bucket/log_data/<key>","mandatory":true,"meta":{"content_length":<bytes>}}
--     ]
--   }
-- the manifest is deleted after the load, committed or rolled back; before it is written, the
-- *.manifest objects older than 24 hours in s3://sparkify-loads/manifests/public.events/ (left by interrupted builds) are deleted.
-- without a listing, COPY reads the whole location, as below.
COPY "public"."events__sparkify_new_00000000" ("id", "kind")
FROM 's3://sparkify-bucket/log_data'
IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-s3-read'
FORMAT AS JSON 'auto'
REGION 'us-west-2'
TIMEFORMAT AS 'auto'
MAXERROR 0;

BEGIN;

CREATE TABLE IF NOT EXISTS "public"."events" (LIKE "public"."events__sparkify_new_00000000");

ALTER TABLE "public"."events" RENAME TO "events__sparkify_old_00000000";

ALTER TABLE "public"."events__sparkify_new_00000000" RENAME TO "events";

DROP TABLE "public"."events__sparkify_old_00000000";

DROP TABLE IF EXISTS "public"."events__sparkify_ledger";

COMMIT;
