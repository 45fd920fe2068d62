BEGIN;

CREATE TABLE "public"."dimtest__sparkify_batch_abcd1234" AS

select id as "UserId", kind as "Kind" from "public"."events"
;

-- check: stops the build if the new rows do not have the columns of "public"."dimtest"
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column", "existing".type AS "table_type", "new_rows".type AS "new_type"
FROM (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    (SELECT count(*) FROM pg_catalog.pg_attribute p
     WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped AND p.attnum <= a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relname = 'dimtest__sparkify_batch_abcd1234'
    AND a.attnum > 0 AND NOT a.attisdropped
) AS "new_rows"
FULL JOIN (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    (SELECT count(*) FROM pg_catalog.pg_attribute p
     WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped AND p.attnum <= a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relname = 'dimtest'
    AND a.attnum > 0 AND NOT a.attisdropped
) AS "existing" ON "existing".column_name = "new_rows".column_name
WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL
  OR "new_rows".type <> "existing".type OR "new_rows".position <> "existing".position
ORDER BY coalesce("existing".position, "new_rows".position)
LIMIT 1;

-- check: stops the build if a unique_key (UserId) value occurs twice among the new rows
SELECT "userid", count(*) AS "rows"
FROM "public"."dimtest__sparkify_batch_abcd1234"
WHERE "userid" IS NOT NULL
GROUP BY "userid"
HAVING count(*) > 1
LIMIT 1;

MERGE INTO "public"."dimtest"
USING "public"."dimtest__sparkify_batch_abcd1234" AS "new_rows"
ON "dimtest"."userid" = "new_rows"."userid"
WHEN MATCHED THEN UPDATE SET
    "kind" = "new_rows"."kind"
WHEN NOT MATCHED THEN INSERT ("userid", "kind")
  VALUES ("new_rows"."userid", "new_rows"."kind");

DROP TABLE "public"."dimtest__sparkify_batch_abcd1234";

COMMIT;
