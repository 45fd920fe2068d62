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

CREATE TABLE "public"."by_level" AS
SELECT "source_rows".*,
  md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast(SYSDATE as varchar), '')) AS "scd_id",
  SYSDATE AS "snapshot_updated_at",
  SYSDATE AS "valid_from",
  CASE WHEN FALSE THEN SYSDATE ELSE NULL END AS "valid_to"
FROM "by_level__sparkify_batch_00000000" AS "source_rows";

DROP TABLE "by_level__sparkify_batch_00000000";

COMMIT;
