BEGIN;

CREATE TABLE "public"."subscription_levels__sparkify_new_00000000" (
  "level" varchar(4),
  "description" varchar(38),
  "is_paying" boolean
);

-- rows: lines 2-3 of seeds/subscription_levels.csv
INSERT INTO "public"."subscription_levels__sparkify_new_00000000" ("level", "description", "is_paying") VALUES
  ('free', 'Listens with ads and limited skips', FALSE),
  ('paid', 'Ad-free listening with unlimited skips', TRUE);

CREATE TABLE IF NOT EXISTS "public"."subscription_levels" (LIKE "public"."subscription_levels__sparkify_new_00000000");

ALTER TABLE "public"."subscription_levels" RENAME TO "subscription_levels__sparkify_old_00000000";

ALTER TABLE "public"."subscription_levels__sparkify_new_00000000" RENAME TO "subscription_levels";

DROP TABLE "public"."subscription_levels__sparkify_old_00000000";

COMMIT;
