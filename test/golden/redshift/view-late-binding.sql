BEGIN;

CREATE OR REPLACE VIEW "public"."plays" AS

select id, kind from "public"."events"
WITH NO SCHEMA BINDING;

COMMIT;
