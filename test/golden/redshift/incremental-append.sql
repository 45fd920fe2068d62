BEGIN;

CREATE TABLE "public"."plays__sparkify_batch_00000000" AS

select id, kind from "public"."events"
where id > (select max(id) from "public"."plays")
;

-- check: stops the build if the new rows do not have the columns of "public"."plays"
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column", "existing".type AS "table_type", "new_rows".type AS "new_type"
FROM (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    (SELECT count(*) FROM pg_catalog.pg_attribute p
     WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped AND p.attnum <= a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relname = 'plays__sparkify_batch_00000000'
    AND a.attnum > 0 AND NOT a.attisdropped
) AS "new_rows"
FULL JOIN (
  SELECT a.attname AS column_name, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
    (SELECT count(*) FROM pg_catalog.pg_attribute p
     WHERE p.attrelid = a.attrelid AND p.attnum > 0 AND NOT p.attisdropped AND p.attnum <= a.attnum) AS position
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relname = 'plays'
    AND a.attnum > 0 AND NOT a.attisdropped
) AS "existing" ON "existing".column_name = "new_rows".column_name
WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL
  OR "new_rows".type <> "existing".type OR "new_rows".position <> "existing".position
ORDER BY coalesce("existing".position, "new_rows".position)
LIMIT 1;

INSERT INTO "public"."plays"
SELECT * FROM "public"."plays__sparkify_batch_00000000";

DROP TABLE "public"."plays__sparkify_batch_00000000";

COMMIT;
