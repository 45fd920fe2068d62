BEGIN;

CREATE TABLE "public"."base__sparkify_new_abcd1234" AS
select id, kind from "public"."events"
;

ALTER VIEW IF EXISTS "public"."base" RENAME TO "base__sparkify_old_abcd1234";

ALTER TABLE "public"."base__sparkify_new_abcd1234" RENAME TO "base";

DROP VIEW IF EXISTS "public"."base__sparkify_old_abcd1234";

COMMIT;
