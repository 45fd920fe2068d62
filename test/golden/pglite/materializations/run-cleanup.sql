BEGIN;

DROP TABLE IF EXISTS "public"."base__sparkify_new_zzzz9999";

DROP VIEW IF EXISTS "public"."recent__sparkify_old";

COMMIT;
