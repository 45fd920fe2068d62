BEGIN;

CREATE TABLE "public"."plays__sparkify_new_00000000" AS

select id, kind from "public"."events"

;

CREATE TABLE IF NOT EXISTS "public"."plays" (LIKE "public"."plays__sparkify_new_00000000");

ALTER TABLE "public"."plays" RENAME TO "plays__sparkify_old_00000000";

ALTER TABLE "public"."plays__sparkify_new_00000000" RENAME TO "plays";

DROP TABLE "public"."plays__sparkify_old_00000000";

COMMIT;
