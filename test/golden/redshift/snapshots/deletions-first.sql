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

CREATE TABLE "public"."deletions" AS
SELECT "source_rows".*,
  md5(coalesce(cast("source_rows"."user_id" as varchar), '') || '|' || coalesce(cast(SYSDATE as varchar), '')) AS "scd_id",
  SYSDATE AS "snapshot_updated_at",
  SYSDATE AS "start_at",
  CASE WHEN FALSE THEN SYSDATE ELSE timestamp '9999-12-31' END AS "end_at",
  FALSE AS "is_deleted"
FROM "deletions__sparkify_batch_00000000" AS "source_rows";

DROP TABLE "deletions__sparkify_batch_00000000";

COMMIT;
