BEGIN;

CREATE SCHEMA IF NOT EXISTS "public";

CREATE TEMP TABLE "by_time__sparkify_batch_00000000" AS
SELECT * FROM (
select * from "public"."users"
) AS "source_rows";

-- check: stops the build if the query returns a unique_key (user_id) that is NULL or occurs more than once
SELECT "user_id", count(*) AS "rows"
FROM "by_time__sparkify_batch_00000000"
GROUP BY "user_id"
HAVING count(*) > 1 OR "user_id" IS NULL
LIMIT 1;

-- check: stops the build if the query's columns are not the table's (new versions are inserted by position)
WITH "new_rows" AS (
  SELECT column_name, row_number() OVER (ORDER BY position) AS position FROM (
    SELECT a.attname AS column_name, a.attnum AS position
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'by_time__sparkify_batch_00000000' AND n.nspname LIKE 'pg_temp%'
  ) AS q
), "existing" AS (
  SELECT column_name, row_number() OVER (ORDER BY position) AS position FROM (
    SELECT a.attname AS column_name, a.attnum AS position
    FROM pg_catalog.pg_attribute a
    JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
    WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'by_time' AND n.nspname = 'public' AND a.attname NOT IN ('valid_from', 'valid_to', 'scd_id', 'snapshot_updated_at', 'is_deleted')
  ) AS q
)
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column"
FROM "new_rows" FULL JOIN "existing" ON "existing".position = "new_rows".position
WHERE coalesce("new_rows".column_name, '') <> coalesce("existing".column_name, '')
LIMIT 1;

UPDATE "public"."by_time"
SET "valid_to" = "source_rows"."updated_at"
FROM "by_time__sparkify_batch_00000000" AS "source_rows"
WHERE "by_time"."user_id" = "source_rows"."user_id"
  AND "by_time"."valid_to" IS NULL
  AND ("source_rows"."updated_at" > "by_time"."snapshot_updated_at");

INSERT INTO "public"."by_time"
SELECT "source_rows".*,
  md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast("source_rows"."updated_at" as varchar), '')) AS "scd_id",
  "source_rows"."updated_at" AS "snapshot_updated_at",
  "source_rows"."updated_at" AS "valid_from",
  CASE WHEN FALSE THEN "source_rows"."updated_at" ELSE NULL END AS "valid_to"
FROM "by_time__sparkify_batch_00000000" AS "source_rows"
WHERE NOT EXISTS (
  SELECT 1 FROM "public"."by_time" AS "snapshotted"
  WHERE "snapshotted"."user_id" = "source_rows"."user_id" AND "snapshotted"."valid_to" IS NULL
);

DROP TABLE "by_time__sparkify_batch_00000000";

COMMIT;
