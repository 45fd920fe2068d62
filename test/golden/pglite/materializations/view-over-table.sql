BEGIN;

CREATE VIEW "public"."recent__sparkify_new_abcd1234" AS

select * from "public"."base"
;

ALTER TABLE IF EXISTS "public"."recent" RENAME TO "recent__sparkify_old_abcd1234";

ALTER VIEW "public"."recent__sparkify_new_abcd1234" RENAME TO "recent";

DROP TABLE IF EXISTS "public"."recent__sparkify_old_abcd1234";

COMMIT;
