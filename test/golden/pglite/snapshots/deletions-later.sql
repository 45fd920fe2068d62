BEGIN;

CREATE TEMPORARY TABLE "deletions__sparkify_batch_00000000" ON COMMIT DROP AS
SELECT * FROM (
select user_id, level from "public"."users"
) AS "source_rows";

-- check: stops the build if the query returns a unique_key (user_id) that is NULL or occurs more than once
SELECT "user_id", count(*) AS "rows"
FROM pg_temp."deletions__sparkify_batch_00000000"
GROUP BY "user_id"
HAVING count(*) > 1 OR "user_id" IS NULL
LIMIT 1;

-- check: stops the build if the query returns a column named like a meta column of the snapshot
SELECT a.attname AS "column"
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'pg_temp."deletions__sparkify_batch_00000000"'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
  AND a.attname IN ('start_at', 'end_at', 'scd_id', 'snapshot_updated_at', 'is_deleted')
LIMIT 1;

-- adds the columns the query gained since the last run to "public"."deletions" (as dbt does)
DO $sparkify$
DECLARE added record;
BEGIN
  FOR added IN
    SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = 'pg_temp."deletions__sparkify_batch_00000000"'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute t WHERE t.attrelid = '"public"."deletions"'::pg_catalog.regclass
        AND t.attname = a.attname AND t.attnum > 0 AND NOT t.attisdropped)
    ORDER BY a.attnum
  LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN %I %s', '"public"."deletions"', added.name, added.type);
  END LOOP;
END
$sparkify$;

ALTER TABLE "public"."deletions" ADD COLUMN IF NOT EXISTS "is_deleted" boolean;

UPDATE "public"."deletions" AS "snapshotted"
SET "end_at" = CAST(now() AS timestamp)
FROM pg_temp."deletions__sparkify_batch_00000000" AS "source_rows"
WHERE "snapshotted"."user_id" = "source_rows"."user_id"
  AND ("snapshotted"."end_at" IS NULL OR "snapshotted"."end_at" = timestamp '9999-12-31')
  AND ("source_rows"."level" IS DISTINCT FROM "snapshotted"."level"
    OR NOT coalesce("snapshotted"."is_deleted", FALSE) = FALSE);

CREATE TEMPORARY TABLE "sparkify_snapshot_deletions" ON COMMIT DROP AS
SELECT * FROM "public"."deletions" AS "snapshotted"
WHERE ("snapshotted"."end_at" IS NULL OR "snapshotted"."end_at" = timestamp '9999-12-31')
  AND coalesce("snapshotted"."is_deleted", FALSE) = FALSE
  AND NOT EXISTS (SELECT 1 FROM pg_temp."deletions__sparkify_batch_00000000" AS "source_rows" WHERE "source_rows"."user_id" = "snapshotted"."user_id");

UPDATE pg_temp."sparkify_snapshot_deletions" AS "snapshotted"
SET "scd_id" = md5(coalesce(cast("snapshotted"."user_id" as varchar), '') || '|' || coalesce(cast(CAST(now() AS timestamp) as varchar), '')),
  "snapshot_updated_at" = CAST(now() AS timestamp),
  "start_at" = CAST(now() AS timestamp),
  "end_at" = timestamp '9999-12-31',
  "is_deleted" = TRUE;

UPDATE "public"."deletions" AS "snapshotted"
SET "end_at" = CAST(now() AS timestamp)
WHERE ("snapshotted"."end_at" IS NULL OR "snapshotted"."end_at" = timestamp '9999-12-31')
  AND coalesce("snapshotted"."is_deleted", FALSE) = FALSE
  AND NOT EXISTS (SELECT 1 FROM pg_temp."deletions__sparkify_batch_00000000" AS "source_rows" WHERE "source_rows"."user_id" = "snapshotted"."user_id");

INSERT INTO "public"."deletions"
SELECT * FROM pg_temp."sparkify_snapshot_deletions";

INSERT INTO "public"."deletions"
SELECT "new_row".*
FROM pg_temp."deletions__sparkify_batch_00000000" AS "source_rows"
CROSS JOIN LATERAL jsonb_populate_record(NULL::"public"."deletions", to_jsonb("source_rows") || jsonb_build_object(
  'scd_id', md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast(CAST(now() AS timestamp) as varchar), '')),
  'snapshot_updated_at', CAST(now() AS timestamp),
  'start_at', CAST(now() AS timestamp),
  'end_at', CASE WHEN FALSE THEN CAST(now() AS timestamp) ELSE timestamp '9999-12-31' END,
  'is_deleted', FALSE
)) AS "new_row"
WHERE NOT EXISTS (
  SELECT 1 FROM "public"."deletions" AS "snapshotted"
  WHERE "snapshotted"."user_id" = "source_rows"."user_id" AND ("snapshotted"."end_at" IS NULL OR "snapshotted"."end_at" = timestamp '9999-12-31')
);

COMMIT;
