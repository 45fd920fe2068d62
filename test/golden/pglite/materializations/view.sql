BEGIN;

CREATE OR REPLACE VIEW "public"."recent" AS

select * from "public"."base"
;

COMMIT;
