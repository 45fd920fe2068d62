CREATE TABLE "public"."events__sparkify_new_22222222" (
  "id" integer,
  "kind" varchar(16),
  "_sparkify_load_id" varchar(16) NOT NULL DEFAULT '22222222'
);

-- manifest s3://sparkify-loads/manifests/public.events/22222222.manifest (written to S3 before the COPY):
--   {
--     "entries": [
--       {"url":"s3://sparkify-bucket/log_data/2018/11/2018-11-01-events.json","mandatory":true,"meta":{"content_length":1001}},
--       {"url":"s3://sparkify-bucket/log_data/2018/11/2018-11-02-events.json","mandatory":true,"meta":{"content_length":1002}}
--     ]
--   }
-- the manifest is deleted after the load, committed or rolled back; before it is written, the
-- *.manifest objects older than 24 hours in s3://sparkify-loads/manifests/public.events/ (left by interrupted builds) are deleted.
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

DROP TABLE IF EXISTS "public"."events__sparkify_ledger";

CREATE TABLE "public"."events__sparkify_ledger" (
  file_key varchar(2048) NOT NULL,
  size bigint NOT NULL,
  version varchar(256) NOT NULL,
  rows_loaded bigint,
  rows_rejected bigint,
  load_id varchar(16) NOT NULL,
  full_load_id varchar(16) NOT NULL,
  loaded_at timestamp NOT NULL DEFAULT GETDATE(),
  definition varchar(64) NOT NULL,
  checksum varchar(64)
);

INSERT INTO "public"."events__sparkify_ledger" (file_key, size, version, rows_loaded, rows_rejected, load_id, full_load_id, definition, checksum)
SELECT f.file_key, f.size, f.version, COALESCE(c.lines, 0) - COALESCE(e.rejected, 0), COALESCE(e.rejected, 0), '22222222', '22222222', 'a1b2c3d4e5f60718', NULL
FROM (
  SELECT CAST('s3://sparkify-bucket/log_data/2018/11/2018-11-01-events.json' AS varchar(2048)) AS file_key, CAST(1001 AS bigint) AS size, CAST('"etag-1"' AS varchar(256)) AS version
  UNION ALL SELECT 's3://sparkify-bucket/log_data/2018/11/2018-11-02-events.json', 1002, '"etag-2"'
) f
LEFT JOIN (SELECT TRIM(filename) AS file_key, SUM(lines_scanned) AS lines FROM stl_load_commits WHERE query = pg_last_copy_id() GROUP BY 1) c ON c.file_key = f.file_key
LEFT JOIN (SELECT TRIM(filename) AS file_key, COUNT(*) AS rejected FROM stl_load_errors WHERE query = pg_last_copy_id() GROUP BY 1) e ON e.file_key = f.file_key;

COMMIT;
