CREATE TABLE "public"."events__sparkify_new_33333333" (
  "id" integer,
  "kind" varchar(16)
);

-- manifest s3://sparkify-loads/manifests/public.events/33333333.manifest (written to S3 before the COPY):
--   {
--     "entries": [
--       {"url":"s3://sparkify-bucket/log_data/2018/11/2018-11-03-events.json","mandatory":true,"meta":{"content_length":1003}}
--     ]
--   }
COPY "public"."events__sparkify_new_33333333" ("id", "kind")
FROM 's3://sparkify-loads/manifests/public.events/33333333.manifest'
IAM_ROLE 'arn:aws:iam::123456789012:role/sparkify-s3-read'
MANIFEST
FORMAT AS JSON 'auto'
REGION 'us-west-2'
TIMEFORMAT AS 'auto'
MAXERROR 0;

BEGIN;

INSERT INTO "public"."events" ("id", "kind")
SELECT "id", "kind" FROM "public"."events__sparkify_new_33333333";

DROP TABLE "public"."events__sparkify_new_33333333";

COMMIT;
