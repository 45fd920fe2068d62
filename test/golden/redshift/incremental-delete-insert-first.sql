BEGIN;

CREATE TABLE "public"."plays__sparkify_new_00000000" AS

select id, kind from "public"."events"

;

-- check: stops the build if a unique_key (id) value occurs twice among the new rows
SELECT "id", count(*) AS "rows"
FROM "public"."plays__sparkify_new_00000000"
WHERE "id" IS NOT NULL
GROUP BY "id"
HAVING count(*) > 1
LIMIT 1;

CREATE TABLE IF NOT EXISTS "public"."plays" (LIKE "public"."plays__sparkify_new_00000000");

ALTER TABLE "public"."plays" RENAME TO "plays__sparkify_old_00000000";

ALTER TABLE "public"."plays__sparkify_new_00000000" RENAME TO "plays";

DROP TABLE "public"."plays__sparkify_old_00000000";

COMMIT;
