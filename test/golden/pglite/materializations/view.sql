BEGIN;

CREATE SCHEMA IF NOT EXISTS "public";

CREATE OR REPLACE VIEW "public"."recent" AS

select * from "public"."base"
;

COMMIT;
