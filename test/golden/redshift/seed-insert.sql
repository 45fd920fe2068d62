BEGIN;

CREATE TABLE "public"."plans__sparkify_new_00000000" (
  "plan" varchar(6),
  "fee" numeric(5,2),
  "since" date,
  "note" varchar(35),
  "active" boolean
);

-- rows: lines 2-6 of seeds/plans.csv
INSERT INTO "public"."plans__sparkify_new_00000000" ("plan", "fee", "since", "note", "active") VALUES
  ('free', 0, CAST('2018-11-01' AS DATE), 'it''s free, with ads', TRUE),
  ('paid', 9.99, CAST('2018-11-02' AS DATE), 'back\\slash \\''; DROP TABLE users; --', TRUE),
  ('family', 14.5, NULL, 'two
lines, Zoë 🎧', NULL),
  (NULL, NULL, CAST('2018-11-04' AS DATE), '\\N', FALSE);

CREATE TABLE IF NOT EXISTS "public"."plans" (LIKE "public"."plans__sparkify_new_00000000");

ALTER TABLE "public"."plans" RENAME TO "plans__sparkify_old_00000000";

ALTER TABLE "public"."plans__sparkify_new_00000000" RENAME TO "plans";

DROP TABLE "public"."plans__sparkify_old_00000000";

COMMIT;
