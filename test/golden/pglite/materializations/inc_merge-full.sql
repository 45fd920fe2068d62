BEGIN;

CREATE TABLE "public"."inc_merge__sparkify_new_abcd1234" AS

select id, kind from "public"."events"
;

-- check: stops the build if a unique_key (id) value occurs twice among the new rows
SELECT "id", count(*) AS "rows"
FROM "public"."inc_merge__sparkify_new_abcd1234"
WHERE "id" IS NOT NULL
GROUP BY "id"
HAVING count(*) > 1
LIMIT 1;

ALTER TABLE IF EXISTS "public"."inc_merge" RENAME TO "inc_merge__sparkify_old_abcd1234";

ALTER TABLE "public"."inc_merge__sparkify_new_abcd1234" RENAME TO "inc_merge";

DROP TABLE IF EXISTS "public"."inc_merge__sparkify_old_abcd1234";

COMMIT;
