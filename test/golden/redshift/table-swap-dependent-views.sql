BEGIN;

CREATE TABLE "public"."plays__sparkify_new_abcd1234" AS

select id, kind from "public"."events"
;

CREATE TABLE IF NOT EXISTS "public"."plays" (LIKE "public"."plays__sparkify_new_abcd1234");

ALTER TABLE "public"."plays" RENAME TO "plays__sparkify_old_abcd1234";

ALTER TABLE "public"."plays__sparkify_new_abcd1234" RENAME TO "plays";

-- drops view "public"."top_kind", bound to "public"."plays" directly or through views: created again below
DROP VIEW "public"."top_kind";

-- drops view "public"."plays_by_kind", bound to "public"."plays" directly or through views: created again below
DROP VIEW "public"."plays_by_kind";

-- view "public"."plays_by_kind" again, reading the new "public"."plays" (its definition, read from the catalog before the run)
CREATE VIEW "public"."plays_by_kind" AS
SELECT plays.kind, count(*) AS n FROM public.plays GROUP BY plays.kind;

GRANT SELECT ON "public"."plays_by_kind" TO PUBLIC;

-- view "public"."top_kind" again, reading the new "public"."plays" (its definition, read from the catalog before the run)
CREATE VIEW "public"."top_kind" AS
SELECT plays_by_kind.kind FROM public.plays_by_kind ORDER BY plays_by_kind.n DESC LIMIT 1;

GRANT SELECT ON "public"."plays" TO GROUP "analysts";

GRANT SELECT ON "public"."plays" TO "bi_user" WITH GRANT OPTION;

DROP TABLE "public"."plays__sparkify_old_abcd1234";

COMMIT;
