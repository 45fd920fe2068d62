CREATE TABLE "public"."plays__sparkify_new_00000000" AS

select id, kind from "public"."events"
;
