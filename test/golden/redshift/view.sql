BEGIN;

CREATE SCHEMA IF NOT EXISTS "public";

CREATE OR REPLACE VIEW "public"."plays" AS

select id, kind from "public"."events";

COMMIT;
