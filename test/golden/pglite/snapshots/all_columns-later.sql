BEGIN;

CREATE TEMPORARY TABLE "all_columns__sparkify_batch_00000000" ON COMMIT DROP AS
SELECT * FROM (
select * from "public"."users"
) AS "source_rows";

-- check: stops the build if the query returns a unique_key (user_id) that is NULL or occurs more than once
SELECT "user_id", count(*) AS "rows"
FROM pg_temp."all_columns__sparkify_batch_00000000"
GROUP BY "user_id"
HAVING count(*) > 1 OR "user_id" IS NULL
LIMIT 1;

-- check: stops the build if the query returns a column named like a meta column of the snapshot
SELECT a.attname AS "column"
FROM pg_catalog.pg_attribute a
WHERE a.attrelid = 'pg_temp."all_columns__sparkify_batch_00000000"'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
  AND a.attname IN ('valid_from', 'valid_to', 'scd_id', 'snapshot_updated_at', 'is_deleted')
LIMIT 1;

-- adds the columns the query gained since the last run to "public"."all_columns" (as dbt does)
DO $sparkify$
DECLARE added record;
BEGIN
  FOR added IN
    SELECT a.attname AS name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_catalog.pg_attribute a
    WHERE a.attrelid = 'pg_temp."all_columns__sparkify_batch_00000000"'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
      AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute t WHERE t.attrelid = '"public"."all_columns"'::pg_catalog.regclass
        AND t.attname = a.attname AND t.attnum > 0 AND NOT t.attisdropped)
    ORDER BY a.attnum
  LOOP
    EXECUTE pg_catalog.format('ALTER TABLE %s ADD COLUMN %I %s', '"public"."all_columns"', added.name, added.type);
  END LOOP;
END
$sparkify$;

UPDATE "public"."all_columns" AS "snapshotted"
SET "valid_to" = CAST(now() AS timestamp)
FROM pg_temp."all_columns__sparkify_batch_00000000" AS "source_rows"
WHERE "snapshotted"."user_id" = "source_rows"."user_id"
  AND "snapshotted"."valid_to" IS NULL
  AND (ROW("source_rows".*) IS DISTINCT FROM ROW((jsonb_populate_record(NULL::pg_temp."all_columns__sparkify_batch_00000000", to_jsonb("snapshotted"))).*));

INSERT INTO "public"."all_columns"
SELECT "new_row".*
FROM pg_temp."all_columns__sparkify_batch_00000000" AS "source_rows"
CROSS JOIN LATERAL jsonb_populate_record(NULL::"public"."all_columns", to_jsonb("source_rows") || jsonb_build_object(
  'scd_id', md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast(CAST(now() AS timestamp) as varchar), '')),
  'snapshot_updated_at', CAST(now() AS timestamp),
  'valid_from', CAST(now() AS timestamp),
  'valid_to', CASE WHEN FALSE THEN CAST(now() AS timestamp) ELSE NULL END
)) AS "new_row"
WHERE NOT EXISTS (
  SELECT 1 FROM "public"."all_columns" AS "snapshotted"
  WHERE "snapshotted"."user_id" = "source_rows"."user_id" AND "snapshotted"."valid_to" IS NULL
);

COMMIT;
