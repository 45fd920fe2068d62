BEGIN;

CREATE VIEW "public"."recent__sparkify_new_abcd1234" AS

select id, kind from "public"."plays";

ALTER TABLE "public"."recent" RENAME TO "recent__sparkify_old_abcd1234";

ALTER TABLE "public"."recent__sparkify_new_abcd1234" RENAME TO "recent";

-- drops view "public"."recent_ids", bound to "public"."recent" directly or through views: created again below
DROP VIEW "public"."recent_ids";

-- view "public"."recent_ids" again, reading the new "public"."recent" (its definition, read from the catalog before the run)
CREATE VIEW "public"."recent_ids" AS
SELECT recent.id FROM public.recent;

GRANT SELECT ON "public"."recent" TO GROUP "analysts";

DROP VIEW "public"."recent__sparkify_old_abcd1234";

COMMIT;
