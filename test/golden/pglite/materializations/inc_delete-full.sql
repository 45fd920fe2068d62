BEGIN;

CREATE TABLE "public"."inc_delete__sparkify_new_abcd1234" AS

select id, kind from "public"."events"
;

-- check: stops the build if a unique_key (id, kind) value occurs twice among the new rows
SELECT "id", "kind", count(*) AS "rows"
FROM "public"."inc_delete__sparkify_new_abcd1234"
WHERE "id" IS NOT NULL AND "kind" IS NOT NULL
GROUP BY "id", "kind"
HAVING count(*) > 1
LIMIT 1;

ALTER TABLE IF EXISTS "public"."inc_delete" RENAME TO "inc_delete__sparkify_old_abcd1234";

ALTER TABLE "public"."inc_delete__sparkify_new_abcd1234" RENAME TO "inc_delete";

DROP TABLE IF EXISTS "public"."inc_delete__sparkify_old_abcd1234";

COMMIT;
