BEGIN;

CREATE TABLE "public"."events__sparkify_new_00000000" (
  "id" integer,
  "kind" varchar(16)
);

-- rows: JSON from data/events (JSON 'auto', maxerrors 0), streamed by the sparkify loader
COPY "public"."events__sparkify_new_00000000" ("id", "kind") FROM '/dev/blob';

ALTER TABLE IF EXISTS "public"."events" RENAME TO "events__sparkify_old_00000000";

ALTER TABLE "public"."events__sparkify_new_00000000" RENAME TO "events";

DROP TABLE IF EXISTS "public"."events__sparkify_old_00000000";

COMMIT;
