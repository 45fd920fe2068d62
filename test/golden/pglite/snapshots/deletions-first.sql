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

CREATE TABLE "public"."deletions" AS
SELECT "source_rows".*,
  md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast(CAST(now() AS timestamp) as varchar), '')) AS "scd_id",
  CAST(now() AS timestamp) AS "snapshot_updated_at",
  CAST(now() AS timestamp) AS "start_at",
  CASE WHEN FALSE THEN CAST(now() AS timestamp) ELSE timestamp '9999-12-31' END AS "end_at",
  FALSE AS "is_deleted"
FROM pg_temp."deletions__sparkify_batch_00000000" AS "source_rows";

COMMIT;
