BEGIN;

CREATE TABLE "public"."daily__sparkify_new_00000000" AS
select id, kind from "public"."events"
;

ALTER TABLE IF EXISTS "public"."daily" RENAME TO "daily__sparkify_old_00000000";

ALTER TABLE "public"."daily__sparkify_new_00000000" RENAME TO "daily";

DROP TABLE IF EXISTS "public"."daily__sparkify_old_00000000";

COMMIT;
