BEGIN;

CREATE TABLE "public"."inc_append__sparkify_new_abcd1234" AS

select id, kind from "public"."events"

;

ALTER TABLE IF EXISTS "public"."inc_append" RENAME TO "inc_append__sparkify_old_abcd1234";

ALTER TABLE "public"."inc_append__sparkify_new_abcd1234" RENAME TO "inc_append";

DROP TABLE IF EXISTS "public"."inc_append__sparkify_old_abcd1234";

COMMIT;
