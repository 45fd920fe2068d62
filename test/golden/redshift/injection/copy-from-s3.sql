CREATE TABLE "public"."events__sparkify_new_00000000" (
  "id" integer,
  "kind" varchar(64)
);

COPY "public"."events__sparkify_new_00000000" ("id", "kind")
FROM 's3://bucket/it''s\\''; DROP TABLE x; --/Zoë/'
IAM_ROLE 'arn:aws:iam::123456789012:role/r\\''; DROP TABLE x; --'
FORMAT AS JSON 's3://bucket/paths\\.json'
REGION 'us-west-2'
TIMEFORMAT AS 'auto'
MAXERROR 0;

BEGIN;

CREATE TABLE IF NOT EXISTS "public"."events" (LIKE "public"."events__sparkify_new_00000000");

ALTER TABLE "public"."events" RENAME TO "events__sparkify_old_00000000";

ALTER TABLE "public"."events__sparkify_new_00000000" RENAME TO "events";

DROP TABLE "public"."events__sparkify_old_00000000";

COMMIT;
