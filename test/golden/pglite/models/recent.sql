BEGIN;

CREATE OR REPLACE VIEW "public"."recent" AS

select * from "public"."daily"
;

COMMIT;
