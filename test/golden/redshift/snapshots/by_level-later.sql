BEGIN;

CREATE TEMP TABLE "by_level__sparkify_batch_00000000" AS
SELECT * FROM (
select user_id, level from "public"."users"
) AS "source_rows";

-- check: stops the build if the query returns a unique_key (user_id) that is NULL or occurs more than once
SELECT "user_id", count(*) AS "rows"
FROM "by_level__sparkify_batch_00000000"
GROUP BY "user_id"
HAVING count(*) > 1 OR "user_id" IS NULL
LIMIT 1;

-- check: stops the build if the query lacks a column of "public"."by_level" or returns one it does not have (new versions are inserted by name)
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column",
  CASE WHEN "new_rows".column_name IS NULL THEN 'missing from the query' ELSE 'not in the table' END AS "problem"
FROM (
  SELECT a.attname AS column_name
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'by_level__sparkify_batch_00000000' AND n.nspname LIKE 'pg_temp%'
) AS "new_rows"
FULL JOIN (
  SELECT a.attname AS column_name
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'by_level' AND n.nspname = 'public'
    AND a.attname NOT IN ('valid_from', 'valid_to', 'scd_id', 'snapshot_updated_at', 'is_deleted')
) AS "existing" ON "existing".column_name = "new_rows".column_name
WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL
ORDER BY 1
LIMIT 1;

UPDATE "public"."by_level"
SET "valid_to" = SYSDATE
FROM "by_level__sparkify_batch_00000000" AS "source_rows"
WHERE "by_level"."user_id" = "source_rows"."user_id"
  AND "by_level"."valid_to" IS NULL
  AND (("source_rows"."level" <> "by_level"."level" OR ("source_rows"."level" IS NULL) <> ("by_level"."level" IS NULL)));

UPDATE "public"."by_level"
SET "valid_to" = SYSDATE
WHERE "by_level"."valid_to" IS NULL
  AND NOT EXISTS (SELECT 1 FROM "by_level__sparkify_batch_00000000" AS "source_rows" WHERE "source_rows"."user_id" = "by_level"."user_id");

INSERT INTO "public"."by_level" (/* the columns of "public"."by_level" but its meta columns, as the warehouse lists them at build time */ "column", ..., "scd_id", "snapshot_updated_at", "valid_from", "valid_to")
SELECT /* the same columns, from the query's rows */ "source_rows"."column", ...,
  md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast(SYSDATE as varchar), '')) AS "scd_id",
  SYSDATE AS "snapshot_updated_at",
  SYSDATE AS "valid_from",
  CASE WHEN FALSE THEN SYSDATE ELSE NULL END AS "valid_to"
FROM "by_level__sparkify_batch_00000000" AS "source_rows"
WHERE NOT EXISTS (
  SELECT 1 FROM "public"."by_level" AS "snapshotted"
  WHERE "snapshotted"."user_id" = "source_rows"."user_id" AND "snapshotted"."valid_to" IS NULL
);

DROP TABLE "by_level__sparkify_batch_00000000";

COMMIT;
