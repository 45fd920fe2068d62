BEGIN;

CREATE TEMPORARY TABLE "inc_merge__sparkify_batch_abcd1234" ON COMMIT DROP AS

select id, kind from "public"."events"
;

-- check: stops the build if the new rows do not have the columns of "public"."inc_merge"
WITH "new_rows" AS (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    row_number() OVER (ORDER BY a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  WHERE a.attrelid = 'pg_temp."inc_merge__sparkify_batch_abcd1234"'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
), "existing" AS (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    row_number() OVER (ORDER BY a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  WHERE a.attrelid = '"public"."inc_merge"'::pg_catalog.regclass AND a.attnum > 0 AND NOT a.attisdropped
)
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column", "existing".type AS "table_type", "new_rows".type AS "new_type"
FROM "new_rows" FULL JOIN "existing" ON "existing".column_name = "new_rows".column_name
WHERE "new_rows".type IS DISTINCT FROM "existing".type OR "new_rows".position IS DISTINCT FROM "existing".position
ORDER BY coalesce("existing".position, "new_rows".position)
LIMIT 1;

-- check: stops the build if a unique_key (id) value occurs twice among the new rows
SELECT "id", count(*) AS "rows"
FROM pg_temp."inc_merge__sparkify_batch_abcd1234"
WHERE "id" IS NOT NULL
GROUP BY "id"
HAVING count(*) > 1
LIMIT 1;

-- MERGE needs PostgreSQL 15 or later (this server: 140011): delete+insert gives the same rows
DELETE FROM "public"."inc_merge" AS "existing"
USING pg_temp."inc_merge__sparkify_batch_abcd1234" AS "new_rows"
WHERE "existing"."id" = "new_rows"."id";

INSERT INTO "public"."inc_merge"
SELECT * FROM pg_temp."inc_merge__sparkify_batch_abcd1234";

COMMIT;
