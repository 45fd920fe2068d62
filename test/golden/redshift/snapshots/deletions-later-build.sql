BEGIN;

CREATE TEMP TABLE "deletions__sparkify_batch_00000000" AS
SELECT * FROM (
select user_id, level from "public"."users"
) AS "source_rows";

-- check: stops the build if the query returns a unique_key (user_id) that is NULL or occurs more than once
SELECT "user_id", count(*) AS "rows"
FROM "deletions__sparkify_batch_00000000"
GROUP BY "user_id"
HAVING count(*) > 1 OR "user_id" IS NULL
LIMIT 1;

-- check: stops the build if the query lacks a column of "public"."deletions" or returns one it does not have (new versions are inserted by name)
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column",
  CASE WHEN "new_rows".column_name IS NULL THEN 'missing from the query' ELSE 'not in the table' END AS "problem"
FROM (
  SELECT a.attname AS column_name
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'deletions__sparkify_batch_00000000' AND n.nspname LIKE 'pg_temp%'
) AS "new_rows"
FULL JOIN (
  SELECT a.attname AS column_name
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'deletions' AND n.nspname = 'public'
    AND a.attname NOT IN ('start_at', 'end_at', 'scd_id', 'snapshot_updated_at', 'is_deleted')
) AS "existing" ON "existing".column_name = "new_rows".column_name
WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL
ORDER BY 1
LIMIT 1;

-- hard_deletes='new_record' is newer than the table: earlier rows hold NULL (not deleted)
ALTER TABLE "public"."deletions" ADD COLUMN "is_deleted" boolean;

UPDATE "public"."deletions"
SET "end_at" = SYSDATE
FROM "deletions__sparkify_batch_00000000" AS "source_rows"
WHERE "deletions"."user_id" = "source_rows"."user_id"
  AND ("deletions"."end_at" IS NULL OR "deletions"."end_at" = timestamp '9999-12-31')
  AND (("source_rows"."level" <> "deletions"."level" OR ("source_rows"."level" IS NULL) <> ("deletions"."level" IS NULL))
    OR NOT coalesce("deletions"."is_deleted", FALSE) = FALSE);

CREATE TEMP TABLE "sparkify_snapshot_deletions" AS
SELECT * FROM "public"."deletions"
WHERE ("deletions"."end_at" IS NULL OR "deletions"."end_at" = timestamp '9999-12-31')
  AND coalesce("deletions"."is_deleted", FALSE) = FALSE
  AND NOT EXISTS (SELECT 1 FROM "deletions__sparkify_batch_00000000" AS "source_rows" WHERE "source_rows"."user_id" = "deletions"."user_id");

UPDATE "sparkify_snapshot_deletions"
SET "scd_id" = md5(coalesce(cast("sparkify_snapshot_deletions"."user_id" as varchar), '') || '|' || coalesce(cast(SYSDATE as varchar), '')),
  "snapshot_updated_at" = SYSDATE,
  "start_at" = SYSDATE,
  "end_at" = timestamp '9999-12-31',
  "is_deleted" = TRUE;

UPDATE "public"."deletions"
SET "end_at" = SYSDATE
WHERE ("deletions"."end_at" IS NULL OR "deletions"."end_at" = timestamp '9999-12-31')
  AND coalesce("deletions"."is_deleted", FALSE) = FALSE
  AND NOT EXISTS (SELECT 1 FROM "deletions__sparkify_batch_00000000" AS "source_rows" WHERE "source_rows"."user_id" = "deletions"."user_id");

INSERT INTO "public"."deletions"
SELECT * FROM "sparkify_snapshot_deletions";

DROP TABLE "sparkify_snapshot_deletions";

INSERT INTO "public"."deletions" ("user_id", "level", "scd_id", "snapshot_updated_at", "start_at", "end_at", "is_deleted")
SELECT "source_rows"."user_id",
  "source_rows"."level",
  md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast(SYSDATE as varchar), '')) AS "scd_id",
  SYSDATE AS "snapshot_updated_at",
  SYSDATE AS "start_at",
  CASE WHEN FALSE THEN SYSDATE ELSE timestamp '9999-12-31' END AS "end_at",
  FALSE AS "is_deleted"
FROM "deletions__sparkify_batch_00000000" AS "source_rows"
WHERE NOT EXISTS (
  SELECT 1 FROM "public"."deletions" AS "snapshotted"
  WHERE "snapshotted"."user_id" = "source_rows"."user_id" AND ("snapshotted"."end_at" IS NULL OR "snapshotted"."end_at" = timestamp '9999-12-31')
);

DROP TABLE "deletions__sparkify_batch_00000000";

COMMIT;
