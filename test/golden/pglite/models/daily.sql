BEGIN;

CREATE SCHEMA IF NOT EXISTS "public";

DROP TABLE IF EXISTS "public"."daily__sparkify_new";

CREATE TABLE "public"."daily__sparkify_new" AS
select id, kind from "public"."events"
;

DROP TABLE IF EXISTS "public"."daily__sparkify_old";

ALTER TABLE IF EXISTS "public"."daily" RENAME TO "daily__sparkify_old";

ALTER TABLE "public"."daily__sparkify_new" RENAME TO "daily";

DROP TABLE IF EXISTS "public"."daily__sparkify_old" CASCADE;

COMMIT;
