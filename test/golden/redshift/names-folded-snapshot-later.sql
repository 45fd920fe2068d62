BEGIN;

CREATE TEMP TABLE "snaptest__sparkify_batch_abcd1234" AS
SELECT * FROM (
select * from "public"."dimtest"
) AS "source_rows";

-- check: stops the build if the query returns a unique_key (UserId) that is NULL or occurs more than once
SELECT "userid", count(*) AS "rows"
FROM "snaptest__sparkify_batch_abcd1234"
GROUP BY "userid"
HAVING count(*) > 1 OR "userid" IS NULL
LIMIT 1;

-- check: stops the build if the query lacks a column of "public"."snaptest" or returns one it does not have (new versions are inserted by name)
SELECT coalesce("new_rows".column_name, "existing".column_name) AS "column",
  CASE WHEN "new_rows".column_name IS NULL THEN 'missing from the query' ELSE 'not in the table' END AS "problem"
FROM (
  SELECT a.attname AS column_name
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'snaptest__sparkify_batch_abcd1234' AND n.nspname LIKE 'pg_temp%'
) AS "new_rows"
FULL JOIN (
  SELECT a.attname AS column_name
  FROM pg_catalog.pg_attribute a
  JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relname = 'snaptest' AND n.nspname = 'public'
    AND a.attname NOT IN ('valid_from', 'validto', 'scd_id', 'snapshot_updated_at', 'is_deleted')
) AS "existing" ON "existing".column_name = "new_rows".column_name
WHERE "new_rows".column_name IS NULL OR "existing".column_name IS NULL
ORDER BY 1
LIMIT 1;

UPDATE "public"."snaptest"
SET "validto" = SYSDATE
FROM "snaptest__sparkify_batch_abcd1234" AS "source_rows"
WHERE "snaptest"."userid" = "source_rows"."userid"
  AND "snaptest"."validto" IS NULL
  AND (("source_rows"."kind" <> "snaptest"."kind" OR ("source_rows"."kind" IS NULL) <> ("snaptest"."kind" IS NULL)));

INSERT INTO "public"."snaptest" ("userid", "kind", "scd_id", "snapshot_updated_at", "valid_from", "validto")
SELECT "source_rows"."userid",
  "source_rows"."kind",
  md5(coalesce(cast("source_rows"."userid" as varchar), '') || '|' || coalesce(cast(SYSDATE as varchar), '')) AS "scd_id",
  SYSDATE AS "snapshot_updated_at",
  SYSDATE AS "valid_from",
  CASE WHEN FALSE THEN SYSDATE ELSE NULL END AS "validto"
FROM "snaptest__sparkify_batch_abcd1234" AS "source_rows"
WHERE NOT EXISTS (
  SELECT 1 FROM "public"."snaptest" AS "snapshotted"
  WHERE "snapshotted"."userid" = "source_rows"."userid" AND "snapshotted"."validto" IS NULL
);

DROP TABLE "snaptest__sparkify_batch_abcd1234";

COMMIT;
