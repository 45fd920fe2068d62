BEGIN;

CREATE TEMPORARY TABLE "by_time__sparkify_batch_00000000" ON COMMIT DROP AS
SELECT * FROM (
select * from "public"."users"
) AS "source_rows";

-- check: stops the build if the query returns a unique_key (user_id) that is NULL or occurs more than once
SELECT "user_id", count(*) AS "rows"
FROM pg_temp."by_time__sparkify_batch_00000000"
GROUP BY "user_id"
HAVING count(*) > 1 OR "user_id" IS NULL
LIMIT 1;

-- check: stops the build if the query returns a column named like a meta column of the snapshot
SELECT a.attname AS "column"
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'pg_temp."by_time__sparkify_batch_00000000"'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
  AND a.attname IN ('valid_from', 'valid_to', 'scd_id', 'snapshot_updated_at', 'is_deleted')
LIMIT 1;

CREATE TABLE "public"."by_time" AS
SELECT "source_rows".*,
  md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast("source_rows"."updated_at" as varchar), '')) AS "scd_id",
  "source_rows"."updated_at" AS "snapshot_updated_at",
  "source_rows"."updated_at" AS "valid_from",
  CASE WHEN FALSE THEN "source_rows"."updated_at" ELSE NULL END AS "valid_to"
FROM pg_temp."by_time__sparkify_batch_00000000" AS "source_rows";

COMMIT;
